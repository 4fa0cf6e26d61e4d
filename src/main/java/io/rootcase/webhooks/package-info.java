/**
 * Webhooks: other systems (chat, paging, e-mail and SMS gateways) subscribe to what
 * Rootcase notices, a surge or a notice to affected customers, and receive each event as
 * a signed HTTP POST, retried until it is taken.
 */
package io.rootcase.webhooks;

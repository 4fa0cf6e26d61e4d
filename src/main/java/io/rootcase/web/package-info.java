/**
 * The shared web edge: security for the console and the API, RFC 9457 problem details,
 * and the OpenAPI description. Feature modules keep their own controllers.
 */
package io.rootcase.web;

/**
 * Resolution confirmed by the customer: an agent proposes a resolution, the customer
 * confirms or rejects it on the case's channel or on the case's status link (no login), a
 * reminder follows when they do not answer, and the case closes unconfirmed after that.
 * Only a manager resolves on the customer's behalf, with a reason.
 */
package io.rootcase.resolution;

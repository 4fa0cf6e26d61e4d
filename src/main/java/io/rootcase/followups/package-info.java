/**
 * Follow-ups: did the relief hold, is the cure still good, has the unknown cause been
 * found yet. Created when a case ends relieved or cured, periodically while its root
 * cause is unknown, and by hand; each has a due date and an owner, and completing one
 * leaves a note (and, while the case is open, a message to the customer) on the timeline.
 */
package io.rootcase.followups;

package io.rootcase.notices;

import java.time.Instant;
import java.util.UUID;

/**
 * A problem's team told the customers it affects. Whom, and on which channel and address,
 * is read a page at a time from the notice's recipients ({@link Notices#recipients}): a
 * segment may be tens of thousands, and their addresses stay behind the API rather than
 * travel in every event.
 *
 * @param recipients how many customers it was sent to
 * @param followUrl the public page where customers follow the problem: a gateway adds it
 * to the message it sends
 */
public record NoticePublished(UUID noticeId, String problemReference, String message, Instant publishedAt,
		String publishedBy, int recipients, String followUrl) {
}

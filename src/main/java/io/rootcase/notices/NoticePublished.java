package io.rootcase.notices;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A problem's team told the customers it affects: whom to send the message to, and on
 * which channel and address.
 *
 * @param followUrl the public page where customers follow the problem: a gateway adds it
 * to the message it sends
 */
public record NoticePublished(UUID noticeId, String problemReference, String message, Instant publishedAt,
		String publishedBy, List<NoticeRecipient> recipients, String followUrl) {
}

package io.rootcase.notices;

import java.time.Instant;
import java.util.UUID;

import io.rootcase.shared.Channel;

/**
 * A notice as one customer received it.
 *
 * @param caseId their case linked to the problem then, or {@code null}
 */
public record CustomerNotice(UUID noticeId, String problemReference, String message, Instant publishedAt,
		String publishedBy, UUID caseId, Channel channel, String address) {
}

package io.rootcase.cases;

import java.time.Instant;
import java.util.UUID;

import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;

/**
 * A contact about to be stored, as the cases module needs to see it to thread it.
 *
 * @param caseReference the case the sender named, or {@code null}
 * @param author the agent who wrote an outbound contact, else {@code null}
 */
public record ContactOnCase(UUID customerId, Channel channel, Direction direction, Instant occurredAt, String text,
		String caseReference, String author) {
}

package io.rootcase.intake;

import java.time.Instant;
import java.util.UUID;

import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;

/**
 * A contact was stored on a case. Contact reasons, trends and recurrence listen to this.
 */
public record ContactReceived(UUID contactId, UUID caseId, UUID customerId, Channel channel, Direction direction,
		Instant occurredAt, String text) {
}

package io.rootcase.intake;

import java.time.Instant;
import java.util.UUID;

import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;

/**
 * An agent moved a contact to another case. Carries what {@link ContactReceived} carries,
 * so a listener that has not handled the contact's arrival yet can handle it on the case
 * it is on now.
 */
public record ContactMoved(UUID contactId, UUID fromCaseId, UUID toCaseId, UUID customerId, Channel channel,
		Direction direction, Instant occurredAt, String text, String movedBy, Instant movedAt) {
}

package io.rootcase.intake;

import java.time.Instant;
import java.util.UUID;

import io.rootcase.customers.IdentityKind;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;

/**
 * A stored contact: one message, call or chat, in or out, on one case.
 *
 * @param identityKind the identity the customer used on this contact (for inbound)
 * @param author the agent who wrote it (for outbound)
 */
public record Contact(UUID id, Channel channel, Direction direction, Instant occurredAt, Instant receivedAt,
		UUID customerId, UUID caseId, IdentityKind identityKind, String identityValue, String author, String text,
		String externalId) {
}

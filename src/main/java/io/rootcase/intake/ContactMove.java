package io.rootcase.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact moved from one case to another, as the customer's timeline shows it.
 *
 * @param reason why the agent moved it, or {@code null}
 */
public record ContactMove(UUID contactId, UUID customerId, UUID fromCaseId, UUID toCaseId, String movedBy,
		Instant movedAt, String reason) {
}

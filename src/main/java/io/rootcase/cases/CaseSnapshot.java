package io.rootcase.cases;

import java.time.Instant;
import java.util.UUID;

import io.rootcase.shared.Channel;

/**
 * The stored state of a case, as the repository reads and writes it.
 *
 * @param mergedIntoId the case an agent merged this one into, or {@code null}
 * @param waitingSince since when the customer has been waiting for our answer (the case
 * is new or open), else {@code null}
 */
record CaseSnapshot(UUID id, Long number, UUID customerId, Channel channel, String subject, CaseStatus status,
		String team, String assignee, Instant openedAt, Instant lastActivityAt, Instant closedAt, UUID followsCaseId,
		int handoverCount, int version, CaseDiagnosisState diagnosis, ResolutionState resolution,
		RecurrenceState recurrence, UUID mergedIntoId, Instant waitingSince) {
}

package io.rootcase.cases;

import java.time.Instant;
import java.util.UUID;

import io.rootcase.shared.Channel;

/**
 * What happens to cases, as past-tense facts other modules may listen to.
 */
public final class CaseEvents {

	private CaseEvents() {
	}

	public record CaseOpened(UUID caseId, UUID customerId, Channel channel, Instant occurredAt) {
	}

	public record CaseStatusChanged(UUID caseId, CaseStatus from, CaseStatus to, String actor, String reason,
			Instant occurredAt) {
	}

	public record CaseHandedOver(UUID caseId, String fromTeam, String fromAgent, String toTeam, String toAgent,
			boolean countedAsHandover, String actor, Instant occurredAt) {
	}

	public record CaseRootCauseFound(UUID caseId, RootCauseState state, String causeKey, Instant occurredAt) {
	}

	public record CaseActionRecorded(UUID caseId, ActionKind kind, int minutesSpent, String actor, Instant occurredAt) {
	}

}

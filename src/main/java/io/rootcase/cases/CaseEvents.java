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

	/** The classifier gave the case its reason. */
	public record CaseReasonPredicted(UUID caseId, String reasonKey, Instant occurredAt) {
	}

	/**
	 * The contact the classifier took the case's reason from was moved to another case,
	 * and no contact left on it has a reason.
	 */
	public record CaseReasonWithdrawn(UUID caseId, Instant occurredAt) {
	}

	/** An agent set what the case is about. */
	public record CaseReasonChosen(UUID caseId, String reasonKey, String agent, Instant occurredAt) {
	}

	/**
	 * @param causeKey the root cause the action addressed, if the agent named one
	 * @param remedy the knowledge base's workaround or fix it applied, if named
	 */
	public record CaseActionRecorded(UUID caseId, ActionKind kind, int minutesSpent, String actor, Instant occurredAt,
			String causeKey, String remedy) {
	}

	/** A new case is the same problem as an earlier one, come back. */
	public record CaseLinkedAsRecurrence(UUID caseId, UUID earlierCaseId, RecurrenceSignal signal, Instant occurredAt) {
	}

	/** An agent proposed a resolution; the customer is asked to confirm it. */
	public record ResolutionProposed(UUID caseId, String note, String actor, Instant occurredAt) {
	}

	/** The customer confirmed the problem is solved. */
	public record ResolutionConfirmed(UUID caseId, ResolutionKind kind, Instant occurredAt) {
	}

	/** The customer said the problem is not solved; the case is open again. */
	public record ResolutionRejected(UUID caseId, String reason, Instant occurredAt) {
	}

	/**
	 * The customer answered a proposed resolution with thanks only: not a confirmation,
	 * so they are asked again.
	 */
	public record CustomerThankedWithoutConfirming(UUID caseId, Instant occurredAt) {
	}

	/** The customer never answered; the case closed without their confirmation. */
	public record ResolutionClosedUnconfirmed(UUID caseId, ResolutionKind kind, Instant occurredAt) {
	}

	/** A manager resolved the case on the customer's behalf, with a reason. */
	public record ResolvedOnBehalf(UUID caseId, ResolutionKind kind, String reason, String actor, Instant occurredAt) {
	}

}

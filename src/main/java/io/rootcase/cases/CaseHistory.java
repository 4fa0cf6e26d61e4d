package io.rootcase.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * The recorded history of a case: every status change, action and handover, each with who
 * did it and when.
 */
public final class CaseHistory {

	private CaseHistory() {
	}

	/**
	 * @param undoes the change this one undoes (its cause was found not to belong to the
	 * case), or {@code null}
	 */
	public record Transition(UUID id, UUID caseId, CaseStatus from, CaseStatus to, String actor, String reason,
			Instant occurredAt, UUID undoes) {
	}

	public record Action(UUID id, UUID caseId, ActionKind kind, String description, int minutesSpent, String actor,
			Instant occurredAt, String causeKey, String remedy) {

		/**
		 * The knowledge base's remedy applied, when named, else the agent's description.
		 */
		public String whatWasDone() {
			return this.remedy != null ? this.remedy : this.description;
		}

	}

	public record Handover(UUID id, UUID caseId, String fromTeam, String fromAgent, String toTeam, String toAgent,
			String note, String actor, Instant occurredAt) {
	}

}

package io.rootcase.cases;

import java.time.Instant;

/**
 * What a case knows about its resolution: the work done (palliatives, a cure and the
 * cause it addressed), the latest confirmation request (when it was proposed, whether the
 * customer was reminded) and how it ended.
 *
 * @param cureAppliedFor the root cause the latest curative action addressed; empty when
 * it named none, {@code null} when there was no curative action
 */
record ResolutionState(int palliativeActions, String cureAppliedFor, Instant proposedAt, Instant reminderSentAt,
		ResolutionOutcome outcome, int reopenCount) {

	static final ResolutionState NONE = new ResolutionState(0, null, null, null, null, 0);

	ResolutionState afterAction(ActionKind kind, String causeKey) {
		return switch (kind) {
			case PALLIATIVE -> new ResolutionState(this.palliativeActions + 1, this.cureAppliedFor, this.proposedAt,
					this.reminderSentAt, this.outcome, this.reopenCount);
			case CURATIVE -> new ResolutionState(this.palliativeActions, causeKey == null ? "" : causeKey,
					this.proposedAt, this.reminderSentAt, this.outcome, this.reopenCount);
			case DIAGNOSTIC -> this;
		};
	}

	ResolutionState proposed(Instant at) {
		return new ResolutionState(this.palliativeActions, this.cureAppliedFor, at, null, null, this.reopenCount);
	}

	ResolutionState reminded(Instant at) {
		return new ResolutionState(this.palliativeActions, this.cureAppliedFor, this.proposedAt, at, this.outcome,
				this.reopenCount);
	}

	ResolutionState ended(ResolutionOutcome how) {
		return new ResolutionState(this.palliativeActions, this.cureAppliedFor, this.proposedAt, this.reminderSentAt,
				how, this.reopenCount);
	}

	/**
	 * The latest proposal's dates stay: they are what the case goes back to if the
	 * reopening is undone.
	 */
	ResolutionState reopened() {
		return new ResolutionState(this.palliativeActions, this.cureAppliedFor, this.proposedAt, this.reminderSentAt,
				null, this.reopenCount + 1);
	}

	/**
	 * What reopened the case did not belong to it: the proposal awaits the customer's
	 * answer again, with its dates.
	 */
	ResolutionState reopeningUndone() {
		return new ResolutionState(this.palliativeActions, this.cureAppliedFor, this.proposedAt, this.reminderSentAt,
				null, Math.max(0, this.reopenCount - 1));
	}

	/**
	 * The resolution kind of a case that has ended (or awaits confirmation), else null.
	 */
	ResolutionKind kindWhenEnded(CaseStatus status, CaseDiagnosisState diagnosis) {
		return status.hasEnded() ? kind(diagnosis.rootCauseState(), diagnosis.rootCauseKey()) : null;
	}

	/**
	 * Cured when a curative action addressed the confirmed root cause (naming it, or
	 * naming none while the cause is known); else relieved when palliatives were taken;
	 * else unexplained.
	 */
	ResolutionKind kind(RootCauseState rootCause, String rootCauseKey) {
		boolean cureForTheCause = this.cureAppliedFor != null && rootCause == RootCauseState.KNOWN
				&& (this.cureAppliedFor.isEmpty() || this.cureAppliedFor.equals(rootCauseKey));
		if (cureForTheCause) {
			return ResolutionKind.CURED;
		}
		return this.palliativeActions > 0 ? ResolutionKind.RELIEVED : ResolutionKind.UNEXPLAINED;
	}

}

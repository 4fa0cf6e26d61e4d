package io.rootcase.problems;

import java.util.Set;

import io.rootcase.shared.Texts;

/**
 * Where a problem stands. A known error (root cause known) shows its workaround on every
 * linked case; a problem goes back to investigating whenever what was believed turns out
 * wrong.
 */
public enum ProblemStatus {

	NEW, INVESTIGATING, ROOT_CAUSE_KNOWN, FIX_IN_PROGRESS, FIX_DEPLOYED, VERIFIED;

	Set<ProblemStatus> next() {
		return switch (this) {
			case NEW -> Set.of(INVESTIGATING);
			case INVESTIGATING -> Set.of(ROOT_CAUSE_KNOWN);
			case ROOT_CAUSE_KNOWN -> Set.of(FIX_IN_PROGRESS, INVESTIGATING);
			case FIX_IN_PROGRESS -> Set.of(FIX_DEPLOYED, INVESTIGATING);
			case FIX_DEPLOYED -> Set.of(VERIFIED, INVESTIGATING);
			case VERIFIED -> Set.of();
		};
	}

	/** Where a person may move it; verification has its own step. */
	public java.util.List<ProblemStatus> nextByHand() {
		return next().stream().filter(s -> s != VERIFIED).sorted().toList();
	}

	/** Whether the root cause is known, so its workaround applies to linked cases. */
	public boolean isKnownError() {
		return this == ROOT_CAUSE_KNOWN || this == FIX_IN_PROGRESS || this == FIX_DEPLOYED || this == VERIFIED;
	}

	String label() {
		return Texts.words(this);
	}

}

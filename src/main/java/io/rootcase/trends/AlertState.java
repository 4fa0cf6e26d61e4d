package io.rootcase.trends;

/**
 * Where a surge alert stands: new, seen by a manager, dismissed as not a problem (with a
 * reason, which tells how often alerts are right), or turned into or linked to a problem.
 */
public enum AlertState {

	OPEN, ACKNOWLEDGED, DISMISSED, PROBLEM;

	boolean undecided() {
		return this == OPEN || this == ACKNOWLEDGED;
	}

}

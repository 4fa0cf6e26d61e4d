package io.rootcase.reasons;

/**
 * Where an inbound contact's reason stands.
 */
public enum LabelState {

	/** The classifier gave a reason it trusts. */
	PREDICTED,

	/**
	 * The classifier was unsure or the message fits no known reason: waiting in triage.
	 */
	UNCLASSIFIED,

	/** An agent agreed with the predicted reason. */
	CONFIRMED,

	/** An agent gave another reason than the predicted one. */
	CORRECTED;

	boolean byAgent() {
		return this == CONFIRMED || this == CORRECTED;
	}

}

package io.rootcase.reasons;

/**
 * Where a labelled example came from.
 */
public enum ExampleSource {

	/** A file of labelled messages a manager imported. */
	IMPORTED,

	/** An agent agreed with the classifier on a contact. */
	CONFIRMED,

	/** An agent corrected the classifier on a contact. */
	CORRECTED

}

package io.rootcase.reasons;

/**
 * Where a version of the contact-reason model stands.
 */
public enum ModelStatus {

	/** Being trained in the background. */
	TRAINING,

	/** The model every node predicts with. */
	LIVE,

	/** Was live; can be brought back. */
	RETIRED,

	/** Evaluated worse than the live model; kept for inspection, can be made live. */
	REJECTED,

	/** Training did not finish; the note says why. */
	FAILED

}

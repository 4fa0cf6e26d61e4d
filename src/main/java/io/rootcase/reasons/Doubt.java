package io.rootcase.reasons;

/**
 * Why a contact was left to triage instead of given the classifier's reason.
 */
public enum Doubt {

	/** The likeliest reason's calibrated confidence is below the model's threshold. */
	UNSURE,

	/** The message is far from every reason's typical message: about something else. */
	OUT_OF_SCOPE,

	/** No model this Rootcase can read with was live when the contact came. */
	NOT_READ,

	/** The message has no text to read. */
	EMPTY,

	/** The model's reason has been retired since it was trained. */
	REASON_RETIRED

}

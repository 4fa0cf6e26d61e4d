package io.rootcase.reasons;

/**
 * Whether a reason is in use.
 */
public enum ReasonStatus {

	/** Predicted and chosen. */
	ACTIVE,

	/** No longer predicted or offered; contacts labelled with it keep it. */
	RETIRED,

	/** Taken over by another reason, which reports count it under. */
	MERGED

}

package io.rootcase.cases;

/** What showed that a new case is the same problem as an earlier one. */
public enum RecurrenceSignal {

	/** The customer referred to the earlier case. */
	REFERENCE,
	/** Both cases have the same contact reason. */
	CONTACT_REASON,
	/** Both cases were found to have the same root cause. */
	ROOT_CAUSE,
	/** The customer described it in much the same words. */
	SIMILAR_TEXT

}

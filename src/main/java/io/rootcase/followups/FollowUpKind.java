package io.rootcase.followups;

/** Why a follow-up exists. */
public enum FollowUpKind {

	/** The case ended relieved: did the relief hold? */
	DID_IT_HOLD,
	/** The case was cured: check in once. */
	CHECK_IN,
	/** The root cause is unknown: look again, until it is diagnosed. */
	UNKNOWN_CAUSE,
	/** Created by an agent. */
	MANUAL

}

package io.rootcase.cases;

/**
 * What the work on a case did to the customer's problem, derived from its typed actions
 * and its root cause, never typed by hand.
 */
public enum ResolutionKind {

	/** A curative action addressed the confirmed root cause. */
	CURED,
	/** The symptom was relieved by palliatives; the cause is still there. */
	RELIEVED,
	/** Nothing removed a known cause or relieved the symptom: the cause is unknown. */
	UNEXPLAINED

}

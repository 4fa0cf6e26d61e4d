package io.rootcase.cases;

/**
 * Who gave a case its contact reason.
 */
public enum ReasonSource {

	/** The classifier, from the case's messages; replaced by later predictions. */
	PREDICTED,

	/** An agent; kept until an agent changes it. */
	AGENT

}

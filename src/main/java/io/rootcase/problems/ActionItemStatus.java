package io.rootcase.problems;

/**
 * Where an action item of a root-cause analysis stands.
 */
public enum ActionItemStatus {

	OPEN, DONE, CANCELLED

}

package io.rootcase.cases;

/**
 * How much we know of why the customer has this problem. {@code UNKNOWN} is an honest
 * finding (we looked and no known cause fits), not the same as not having looked.
 */
public enum RootCauseState {

	UNDIAGNOSED, SUSPECTED, KNOWN, UNKNOWN

}

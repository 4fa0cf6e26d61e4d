package io.rootcase.cases;

/**
 * How a case's resolution ended. Confirmed and unconfirmed endings are always counted
 * apart.
 */
public enum ResolutionOutcome {

	/** The customer confirmed the problem is solved. */
	CONFIRMED_BY_CUSTOMER,
	/** A manager resolved it on the customer's behalf, with a recorded reason. */
	RESOLVED_ON_BEHALF,
	/** The customer never answered the confirmation request; closed after reminders. */
	CLOSED_UNCONFIRMED

}

package io.rootcase.cases;

import java.util.Optional;

/**
 * Reads what an inbound contact is about, so that it continues the customer's case on the
 * same matter and a new matter opens a case of its own. The contact-reasons module
 * provides it; without it (or without a live model) contacts thread by time alone.
 */
public interface MatterReader {

	/**
	 * The reason a contact's text is about, when the classifier is confident of it; empty
	 * when the contact goes to triage (unsure, out of scope, no model), since a message
	 * nobody can read may well be a follow-up on the case already open.
	 */
	Optional<String> reasonOf(String text);

	/**
	 * Whether two reasons are one matter now: the same reason, or one merged into the
	 * other since a case took it.
	 */
	boolean sameMatter(String reasonKey, String otherReasonKey);

}

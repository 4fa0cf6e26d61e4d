package io.rootcase.resolution;

import java.time.Instant;
import java.util.List;

/**
 * What the customer sees on their status link: where the case stands, what was done and
 * what happens next. No internal notes.
 *
 * @param awaitingAnswer the customer can confirm or reject a proposed resolution now
 * @param done what was done for them, oldest first
 * @param continuedAs the case this one was merged into, whose state the rest shows, or
 * {@code null}
 * @param problemNews what the team fixing the problem behind the case told the customers
 * it affects, oldest first
 */
public record CustomerStatus(String reference, String subject, String status, String next, boolean awaitingAnswer,
		String proposal, List<Done> done, String continuedAs, List<News> problemNews) {

	public record Done(Instant at, String what) {
	}

	public record News(Instant at, String message) {
	}

}

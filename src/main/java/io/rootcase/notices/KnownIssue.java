package io.rootcase.notices;

import java.time.LocalDate;
import java.util.List;

import io.rootcase.problems.ProblemStatus;
import io.rootcase.resolution.CustomerStatus;

/**
 * What the public page of a problem tells its customers: where the fix stands, in their
 * words, and what the team told them. Nothing internal: not the problem's title, team or
 * root cause, which are written for staff.
 *
 * @param fixed whether the fix is verified: the page then says so and nothing more is
 * expected
 */
public record KnownIssue(String stands, boolean fixed, List<CustomerStatus.News> updates) {

	/**
	 * @param updates the problem's notices, newest first
	 */
	static KnownIssue of(ProblemStatus status, LocalDate fixBy, List<CustomerStatus.News> updates) {
		return new KnownIssue(stands(status, fixBy), status == ProblemStatus.VERIFIED, updates);
	}

	/** Where the fix stands, with the date the team expects it by while it is coming. */
	static String stands(ProblemStatus status, LocalDate fixBy) {
		String expected = fixBy == null ? "" : " We expect it to be fixed by " + fixBy + ".";
		return switch (status) {
			case NEW, INVESTIGATING -> "We are looking for the cause." + expected;
			case ROOT_CAUSE_KNOWN -> "We know the cause and are preparing a fix." + expected;
			case FIX_IN_PROGRESS -> "A fix is being made." + expected;
			case FIX_DEPLOYED -> "A fix is out. We are checking that the problem has stopped.";
			case VERIFIED -> "Fixed: the problem has stopped.";
		};
	}

}

package io.rootcase.problems;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.rootcase.shared.Channel;

/**
 * What a problem has cost so far, over its linked cases.
 *
 * @param contacts every contact on the linked cases, both directions
 * @param customers distinct customers affected
 * @param agentMinutes minutes agents recorded on the linked cases' actions
 * @param recurrences linked cases that were the customer's problem coming back
 * @param cost contacts by channel and agent minutes at the configured rates
 * @param contactsPerDay for the chart, days with contacts only
 */
public record ProblemImpact(long cases, long contacts, long customers, long agentMinutes, long recurrences, double cost,
		Map<Channel, Long> contactsByChannel, List<Day> contactsPerDay) {

	/** Contacts on one day. */
	public record Day(LocalDate day, long contacts) {
	}

}

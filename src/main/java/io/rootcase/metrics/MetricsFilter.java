package io.rootcase.metrics;

import java.time.Instant;

import io.rootcase.shared.Channel;
import io.rootcase.shared.Dates;
import io.rootcase.shared.Texts;

/**
 * Which cases the figures are about: opened in [from, to), optionally of one team, agent
 * (current assignee), channel (of the first contact) and contact reason.
 */
public record MetricsFilter(Instant from, Instant to, String team, String agent, Channel channel, String reason) {

	public MetricsFilter {
		if (from == null || to == null) {
			throw new IllegalArgumentException("a period needs from and to");
		}
		Dates.requireInRange("from", from);
		Dates.requireInRange("to", to);
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("from must be before to");
		}
		team = Texts.blankToNull(team);
		agent = Texts.blankToNull(agent);
		reason = Texts.blankToNull(reason);
	}

	MetricsFilter during(Instant start, Instant end) {
		return new MetricsFilter(start, end, this.team, this.agent, this.channel, this.reason);
	}

}

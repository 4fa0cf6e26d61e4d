package io.rootcase.problems;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rootcase.shared.Channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A problem's impact read straight from the stored cases, contacts and actions: a read
 * model like the metrics (decision 0010), so the figures are what the history says.
 */
@Repository
class ImpactQueries {

	private final JdbcClient jdbc;

	private final CostRates rates;

	ImpactQueries(JdbcClient jdbc, CostRates rates) {
		this.jdbc = jdbc;
		this.rates = rates;
	}

	ProblemImpact of(UUID problemId) {
		long[] cases = this.jdbc.sql("""
				select count(*) as cases, count(distinct customer_id) as customers,
				  sum(case when recurrence_of is not null then 1 else 0 end) as recurrences
				from cases where problem_id = ?
				""")
			.param(problemId)
			.query((rs, n) -> new long[] { rs.getLong("cases"), rs.getLong("customers"), rs.getLong("recurrences") })
			.single();
		Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
		this.jdbc.sql("""
				select k.channel, count(*) as contacts from contacts k join cases c on c.id = k.case_id
				where c.problem_id = ? group by k.channel
				""")
			.param(problemId)
			.query((rs, n) -> byChannel.put(Channel.valueOf(rs.getString("channel")), rs.getLong("contacts")))
			.list();
		long minutes = this.jdbc.sql("""
				select coalesce(sum(a.minutes_spent), 0) from case_actions a join cases c on c.id = a.case_id
				where c.problem_id = ?
				""").param(problemId).query(Long.class).single();
		List<ProblemImpact.Day> perDay = this.jdbc.sql("""
				select cast(k.occurred_at as date) as contact_day, count(*) as contacts
				from contacts k join cases c on c.id = k.case_id
				where c.problem_id = ? group by cast(k.occurred_at as date) order by contact_day
				""")
			.param(problemId)
			.query((rs, n) -> new ProblemImpact.Day(rs.getDate("contact_day").toLocalDate(), rs.getLong("contacts")))
			.list();
		double cost = minutes * this.rates.perAgentMinute();
		for (Map.Entry<Channel, Long> e : byChannel.entrySet()) {
			cost += this.rates.ofContacts(e.getKey(), e.getValue());
		}
		long contacts = byChannel.values().stream().mapToLong(Long::longValue).sum();
		return new ProblemImpact(cases[0], contacts, cases[1], minutes, cases[2], Math.round(cost * 100) / 100.0,
				byChannel, perDay);
	}

}

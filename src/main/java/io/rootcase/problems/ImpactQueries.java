package io.rootcase.problems;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
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
		return of(List.of(problemId)).get(problemId);
	}

	/**
	 * The impact of each of the problems, in four queries whatever their number, so a
	 * ranking by cost costs what one problem's page does.
	 */
	Map<UUID, ProblemImpact> of(Collection<UUID> problemIds) {
		if (problemIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, long[]> cases = new HashMap<>();
		this.jdbc.sql("""
				select problem_id, count(*) as cases, count(distinct customer_id) as customers,
				  sum(case when recurrence_of is not null then 1 else 0 end) as recurrences
				from cases where problem_id in (:ids) group by problem_id
				""")
			.param("ids", problemIds)
			.query((rs, n) -> cases.put(rs.getObject("problem_id", UUID.class),
					new long[] { rs.getLong("cases"), rs.getLong("customers"), rs.getLong("recurrences") }))
			.list();
		Map<UUID, Map<Channel, Long>> byChannel = new HashMap<>();
		this.jdbc.sql("""
				select c.problem_id, k.channel, count(*) as contacts from contacts k join cases c on c.id = k.case_id
				where c.problem_id in (:ids) group by c.problem_id, k.channel
				""")
			.param("ids", problemIds)
			.query((rs, n) -> byChannel
				.computeIfAbsent(rs.getObject("problem_id", UUID.class), id -> new EnumMap<>(Channel.class))
				.put(Channel.valueOf(rs.getString("channel")), rs.getLong("contacts")))
			.list();
		Map<UUID, Long> minutes = new HashMap<>();
		this.jdbc
			.sql("""
					select c.problem_id, sum(a.minutes_spent) as minutes from case_actions a join cases c on c.id = a.case_id
					where c.problem_id in (:ids) group by c.problem_id
					""")
			.param("ids", problemIds)
			.query((rs, n) -> minutes.put(rs.getObject("problem_id", UUID.class), rs.getLong("minutes")))
			.list();
		Map<UUID, List<ProblemImpact.Day>> perDay = new HashMap<>();
		this.jdbc.sql("""
				select c.problem_id, cast(k.occurred_at as date) as contact_day, count(*) as contacts
				from contacts k join cases c on c.id = k.case_id
				where c.problem_id in (:ids) group by c.problem_id, cast(k.occurred_at as date)
				order by contact_day
				""")
			.param("ids", problemIds)
			.query((rs, n) -> perDay.computeIfAbsent(rs.getObject("problem_id", UUID.class), id -> new ArrayList<>())
				.add(new ProblemImpact.Day(rs.getDate("contact_day").toLocalDate(), rs.getLong("contacts"))))
			.list();
		Map<UUID, ProblemImpact> impacts = new HashMap<>();
		for (UUID id : problemIds) {
			impacts.put(id, impact(cases.getOrDefault(id, new long[3]), byChannel.getOrDefault(id, Map.of()),
					minutes.getOrDefault(id, 0L), perDay.getOrDefault(id, List.of())));
		}
		return impacts;
	}

	private ProblemImpact impact(long[] cases, Map<Channel, Long> byChannel, long minutes,
			List<ProblemImpact.Day> perDay) {
		double cost = minutes * this.rates.perAgentMinute();
		for (Map.Entry<Channel, Long> e : byChannel.entrySet()) {
			cost += this.rates.ofContacts(e.getKey(), e.getValue());
		}
		long contacts = byChannel.values().stream().mapToLong(Long::longValue).sum();
		Map<Channel, Long> channels = new EnumMap<>(Channel.class);
		channels.putAll(byChannel);
		return new ProblemImpact(cases[0], contacts, cases[1], minutes, cases[2], Math.round(cost * 100) / 100.0,
				channels, List.copyOf(perDay));
	}

}

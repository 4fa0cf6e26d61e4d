package io.rootcase.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.rootcase.cases.AnswerTargets;
import io.rootcase.shared.DbTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the resolution figures straight from the stored cases, transitions, actions
 * and contacts. Each figure is one query, the same one docs/metrics.md shows, so the
 * numbers on the dashboard can be checked by anyone with database access.
 */
@Service
public class ResolutionMetrics {

	/** A case's reason as it counts now: merged reasons count under their survivor. */
	private static final String REASON_NOW = "coalesce((select r.merged_into from reasons r"
			+ " where r.reason_key = c.contact_reason), c.contact_reason)";

	/**
	 * The most buckets a series may have, so one request cannot run thousands of queries.
	 */
	public static final int MAX_BUCKETS = 120;

	private final JdbcClient jdbc;

	private final AnswerTargets answerTargets;

	private final Clock clock;

	ResolutionMetrics(JdbcClient jdbc, AnswerTargets answerTargets, Clock clock) {
		this.jdbc = jdbc;
		this.answerTargets = answerTargets;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public ResolutionFigures figures(MetricsFilter filter) {
		Where cohort = cohort(filter);
		var counts = query("""
				select count(*) as cases,
				  coalesce(sum(case when c.resolution_kind = 'CURED' then 1 else 0 end), 0) as cured,
				  coalesce(sum(case when c.resolution_kind = 'RELIEVED' then 1 else 0 end), 0) as relieved,
				  coalesce(sum(case when c.resolution_kind = 'UNEXPLAINED' then 1 else 0 end), 0) as unexplained,
				  coalesce(sum(c.handover_count), 0) as handovers
				from cases c where %s""", cohort)
			.query((rs,
					n) -> new long[] { rs.getLong("cases"), rs.getLong("cured"), rs.getLong("relieved"),
							rs.getLong("unexplained"), rs.getLong("handovers") })
			.single();
		long cases = counts[0];
		long repeated = count("""
				select count(*) from cases c where %s and (select count(*) from contacts k
				  where k.case_id = c.id and k.direction = 'INBOUND') > 1""", cohort);
		long corrected = count("""
				select count(*) from cases c where %s
				  and exists (select 1 from contact_moves m where m.from_case_id = c.id)""", cohort);
		long relievedCases = counts[2];
		long relievedThatCameBack = count("""
				select count(*) from cases c where %s and c.resolution_kind = 'RELIEVED'
				  and exists (select 1 from cases later where later.recurrence_of = c.id)""", cohort);
		long curedThatCameBack = count("""
				select count(*) from cases c where %s and c.resolution_kind = 'CURED'
				  and exists (select 1 from cure_returns r where r.cured_case_id = c.id)""", cohort);
		Where moves = transitions(filter);
		long confirmed = count("""
				select count(*) from case_transitions t join cases c on c.id = t.case_id
				where %s and t.to_status = 'RESOLVED' and t.actor = 'customer'""", moves);
		long unconfirmed = count("""
				select count(*) from case_transitions t join cases c on c.id = t.case_id
				where %s and t.to_status = 'CLOSED' and t.from_status = 'AWAITING_CONFIRMATION'""", moves);
		long onBehalf = count("""
				select count(*) from case_transitions t join cases c on c.id = t.case_id
				where %s and t.to_status = 'RESOLVED' and t.actor <> 'customer'
				  and t.from_status <> 'AWAITING_CONFIRMATION'""", moves);
		long proposed = count("""
				select count(*) from case_transitions t join cases c on c.id = t.case_id
				where %s and t.to_status = 'AWAITING_CONFIRMATION'""", moves);
		long reopened = count("""
				select count(*) from case_transitions t join cases c on c.id = t.case_id
				where %s and t.to_status = 'OPEN' and t.from_status in ('AWAITING_CONFIRMATION', 'RESOLVED')""", moves);
		var problems = query("""
				with recursive chain (root, member) as (
				  select c.id, c.id from cases c where %s and c.status in ('RESOLVED', 'CLOSED')
				    and not exists (select 1 from cases later where later.recurrence_of = c.id)
				  union all
				  select chain.root, p.recurrence_of from chain join cases p on p.id = chain.member
				  where p.recurrence_of is not null
				)
				select count(distinct chain.root) as problems, count(k.id) as contacts
				from chain left join contacts k on k.case_id = chain.member""", cohort)
			.query((rs, n) -> new long[] { rs.getLong("problems"), rs.getLong("contacts") })
			.single();
		long recurrenceMinutes = count("""
				select coalesce(sum(a.minutes_spent), 0) from case_actions a join cases c on c.id = a.case_id
				where %s and c.recurrence_of is not null""", cohort);
		// Ordered-set aggregates and epoch seconds are SQL both databases run alike; the
		// percentiles skip the cases without an answer or confirmation (their time is
		// null). A first answer is in time when it came within the channel's target, late
		// when after it or, still missing, once the target has passed.
		String target = targetSeconds();
		Object[] replies = query("""
				with asked as (
				  select c.id as case_id, c.channel, (select min(k.occurred_at) from contacts k
				    where k.case_id = c.id and k.direction = 'INBOUND') as asked_at
				  from cases c where %s
				), answered as (
				  select a.channel, a.asked_at, (select min(k.occurred_at) from contacts k where k.case_id = a.case_id
				    and k.direction = 'OUTBOUND' and k.occurred_at >= a.asked_at) as answered_at
				  from asked a where a.asked_at is not null
				), timed as (
				  select answered_at, extract(epoch from answered_at) - extract(epoch from asked_at) as seconds,
				    ? - extract(epoch from asked_at) as waited, TARGET as target
				  from answered
				)
				select count(answered_at) as cases, count(*) - count(answered_at) as unanswered,
				  percentile_cont(0.5) within group (order by seconds) as median,
				  percentile_cont(0.9) within group (order by seconds) as p90,
				  coalesce(sum(case when seconds <= target then 1 else 0 end), 0) as in_time,
				  coalesce(sum(case when seconds > target or (answered_at is null and waited > target)
				    then 1 else 0 end), 0) as late
				from timed""".replace("TARGET", target), cohort, this.clock.instant().getEpochSecond())
			.query((rs,
					n) -> new Object[] { timeTaken(rs), rs.getLong("unanswered"), rs.getLong("in_time"),
							rs.getLong("late") })
			.single();
		TimeTaken confirmedAfter = query(
				"""
						select count(r.confirmed_at) as cases,
						  percentile_cont(0.5) within group (order by extract(epoch from r.confirmed_at) - extract(epoch from r.opened_at)) as median,
						  percentile_cont(0.9) within group (order by extract(epoch from r.confirmed_at) - extract(epoch from r.opened_at)) as p90
						from (select c.opened_at, (select min(t.occurred_at) from case_transitions t where t.case_id = c.id
						    and t.to_status = 'RESOLVED' and t.actor = 'customer') as confirmed_at
						  from cases c where %s) r""",
				cohort)
			.query((rs, n) -> timeTaken(rs))
			.single();
		return new ResolutionFigures(filter.from(), filter.to(), cases, share(repeated, cases),
				share(relievedThatCameBack, relievedCases), share(curedThatCameBack, counts[1]), counts[1], counts[2],
				counts[3], confirmed, unconfirmed, onBehalf, share(reopened, proposed), share(counts[4], cases),
				share(corrected, cases), share(problems[1], problems[0]), recurrenceMinutes, (TimeTaken) replies[0],
				(long) replies[1], share((long) replies[2], (long) replies[2] + (long) replies[3]), confirmedAfter);
	}

	/** A row's count, median and 90th percentile, the latter two in seconds. */
	private static TimeTaken timeTaken(ResultSet rs) throws SQLException {
		return new TimeTaken(rs.getLong("cases"), minutes(rs.getObject("median", Double.class)),
				minutes(rs.getObject("p90", Double.class)));
	}

	private static Double minutes(Double seconds) {
		return seconds == null ? null : seconds / 60;
	}

	/** The figures bucket by bucket (e.g. one per week) over the filter's period. */
	@Transactional(readOnly = true)
	public List<ResolutionFigures> series(MetricsFilter filter, Duration bucket) {
		if (bucket.isNegative() || bucket.isZero()) {
			throw new IllegalArgumentException("a bucket is a positive duration");
		}
		long buckets = (Duration.between(filter.from(), filter.to()).toSeconds() + bucket.toSeconds() - 1)
				/ bucket.toSeconds();
		if (buckets > MAX_BUCKETS) {
			throw new IllegalArgumentException(
					"at most " + MAX_BUCKETS + " buckets; choose a longer bucket or a shorter period");
		}
		List<ResolutionFigures> series = new ArrayList<>();
		for (Instant start = filter.from(); start.isBefore(filter.to()); start = start.plus(bucket)) {
			Instant end = start.plus(bucket).isAfter(filter.to()) ? filter.to() : start.plus(bucket);
			series.add(figures(filter.during(start, end)));
		}
		return series;
	}

	/** What the figures can be broken down by. */
	public enum Dimension {

		TEAM, AGENT, CHANNEL, REASON

	}

	/**
	 * The figures for each value of a dimension among the filter's cases (each team, each
	 * agent who holds one of them, each channel, each contact reason), biggest first.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<String, ResolutionFigures> breakdown(MetricsFilter filter, Dimension by) {
		String column = switch (by) {
			case TEAM -> "c.team_code";
			case AGENT -> "c.assignee";
			case CHANNEL -> "c.channel";
			case REASON -> REASON_NOW;
		};
		Where cohort = cohort(filter);
		List<String> values = query("select " + column + " as v from cases c where %s and " + column
				+ " is not null group by " + column + " order by count(*) desc, " + column, cohort)
			.query(String.class)
			.list();
		java.util.Map<String, ResolutionFigures> figures = new java.util.LinkedHashMap<>();
		for (String value : values) {
			figures.put(value, figures(switch (by) {
				case TEAM -> new MetricsFilter(filter.from(), filter.to(), value, filter.agent(), filter.channel(),
						filter.reason());
				case AGENT -> new MetricsFilter(filter.from(), filter.to(), filter.team(), value, filter.channel(),
						filter.reason());
				case CHANNEL -> new MetricsFilter(filter.from(), filter.to(), filter.team(), filter.agent(),
						io.rootcase.shared.Channel.valueOf(value), filter.reason());
				case REASON -> new MetricsFilter(filter.from(), filter.to(), filter.team(), filter.agent(),
						filter.channel(), value);
			}));
		}
		return figures;
	}

	private record Where(String sql, List<Object> params) {
	}

	private static Where cohort(MetricsFilter f) {
		return where("c.opened_at", f);
	}

	/**
	 * Status changes in the period, leaving out a change undone (what caused it did not
	 * belong to the case) and the change back: a customer's message moved to another case
	 * neither reopened a resolution nor proposed it again.
	 */
	private static Where transitions(MetricsFilter f) {
		Where period = where("t.occurred_at", f);
		return new Where(period.sql() + " and t.undoes is null"
				+ " and not exists (select 1 from case_transitions u where u.undoes = t.id)", period.params());
	}

	private static Where where(String time, MetricsFilter f) {
		StringBuilder sql = new StringBuilder(time + " >= ? and " + time + " < ?");
		List<Object> params = new ArrayList<>(List.of(DbTime.toDb(f.from()), DbTime.toDb(f.to())));
		if (f.team() != null) {
			sql.append(" and c.team_code = ?");
			params.add(f.team());
		}
		if (f.agent() != null) {
			sql.append(" and c.assignee = ?");
			params.add(f.agent());
		}
		if (f.channel() != null) {
			sql.append(" and c.channel = ?");
			params.add(f.channel().name());
		}
		if (f.reason() != null) {
			sql.append(" and " + REASON_NOW + " = ?");
			params.add(f.reason());
		}
		return new Where(sql.toString(), params);
	}

	/** A query whose {@code %s} is the filter's condition. */
	/**
	 * A query whose {@code %s} is the filter's condition, and more parameters after it.
	 */
	private JdbcClient.StatementSpec query(String sql, Where where, Object... after) {
		List<Object> params = new ArrayList<>(where.params());
		params.addAll(List.of(after));
		return this.jdbc.sql(sql.formatted(where.sql())).params(params);
	}

	/**
	 * The answer target of a row's {@code channel} in seconds, as SQL; null where the
	 * channel has none. The targets are configuration, so they are written in.
	 */
	private String targetSeconds() {
		if (this.answerTargets.answerWithin().isEmpty()) {
			return "cast(null as bigint)";
		}
		StringBuilder sql = new StringBuilder("case channel");
		this.answerTargets.answerWithin()
			.forEach((channel, target) -> sql.append(" when '")
				.append(channel.name())
				.append("' then ")
				.append(target.toSeconds()));
		return sql.append(" end").toString();
	}

	private long count(String sql, Where where) {
		return query(sql, where).query(Long.class).single();
	}

	private static Double share(long part, long whole) {
		return whole == 0 ? null : (double) part / whole;
	}

}

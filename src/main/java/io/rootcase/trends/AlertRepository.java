package io.rootcase.trends;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.rootcase.shared.DbTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AlertRepository {

	private static final String COLUMNS = "id, series_key, state, surging_since, last_flagged, detected_at, observed, "
			+ "expected, p_value, acted_by, acted_at, dismiss_reason, problem_reference, part_of";

	private final JdbcClient jdbc;

	AlertRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(SurgeAlert a) {
		this.jdbc.sql("insert into trend_alerts (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(a.id(), a.series().key(), a.state().name(), DbTime.toDb(a.since()), DbTime.toDb(a.lastFlagged()),
					DbTime.toDb(a.detectedAt()), a.observed(), a.expected(), a.pValue(), a.actedBy(),
					DbTime.toDb(a.actedAt()), a.dismissReason(), a.problemReference(), a.partOf())
			.update();
	}

	/**
	 * Writes a decision on the alert, or its joining its reason's surge, and nothing the
	 * watch changes when it flags the alert again.
	 */
	void decide(SurgeAlert a) {
		this.jdbc
			.sql("update trend_alerts set state = ?, acted_by = ?, acted_at = ?, dismiss_reason = ?, "
					+ "problem_reference = ?, part_of = ? where id = ?")
			.params(a.state().name(), a.actedBy(), DbTime.toDb(a.actedAt()), a.dismissReason(), a.problemReference(),
					a.partOf(), a.id())
			.update();
	}

	/**
	 * Writes what flagging the alert again changed, and nothing a decision sets: the
	 * watch's copy of the alert may predate a manager's decision or its joining its
	 * reason's surge.
	 */
	void extend(SurgeAlert a) {
		this.jdbc.sql("update trend_alerts set last_flagged = ?, observed = ?, expected = ?, p_value = ? where id = ?")
			.params(DbTime.toDb(a.lastFlagged()), a.observed(), a.expected(), a.pValue(), a.id())
			.update();
	}

	Optional<SurgeAlert> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from trend_alerts where id = ?")
			.param(id)
			.query(this::map)
			.optional();
	}

	Optional<SurgeAlert> findForUpdate(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from trend_alerts where id = ? for update")
			.param(id)
			.query(this::map)
			.optional();
	}

	/** Alerts whose surge touches the period: they mark hours the baseline leaves out. */
	List<SurgeAlert> flaggedSince(Instant from) {
		return this.jdbc.sql("select " + COLUMNS + " from trend_alerts where last_flagged >= ?")
			.param(DbTime.toDb(from))
			.query(this::map)
			.list();
	}

	/**
	 * Alerts in the states that are surges of their own (not part of another's), those
	 * still surging most recently first.
	 */
	List<SurgeAlert> list(List<AlertState> states, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from trend_alerts where state in (:states) and part_of is null "
					+ "order by last_flagged desc, detected_at desc, id limit :limit")
			.param("states", states.stream().map(Enum::name).toList())
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	/** The segments' alerts that are part of these alerts, the strongest surge first. */
	List<SurgeAlert> partsOf(Collection<UUID> wholes) {
		if (wholes.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select " + COLUMNS + " from trend_alerts where part_of in (:wholes) "
					+ "order by observed / (expected + 1) desc, id")
			.param("wholes", wholes)
			.query(this::map)
			.list();
	}

	/**
	 * The alerts of a reason's own series and of its segments still flagged at or after
	 * the hour. The pattern may match a few other reasons (an underscore matches any
	 * character); callers look at each alert's series.
	 */
	List<SurgeAlert> ofReasonFlaggedSince(String reason, Instant from) {
		return this.jdbc
			.sql("select " + COLUMNS + " from trend_alerts where (series_key = ? or series_key like ?) "
					+ "and last_flagged >= ?")
			.params("reason:" + reason, "reason:" + reason + "|%", DbTime.toDb(from))
			.query(this::map)
			.list();
	}

	/** Surges of their own in the state detected since the time. */
	long count(AlertState state, Instant since) {
		return this.jdbc
			.sql("select count(*) from trend_alerts where state = ? and detected_at >= ? and part_of is null")
			.params(state.name(), DbTime.toDb(since))
			.query(Long.class)
			.single();
	}

	private SurgeAlert map(ResultSet rs, int n) throws SQLException {
		return new SurgeAlert(rs.getObject("id", UUID.class), SeriesKey.parse(rs.getString("series_key")),
				AlertState.valueOf(rs.getString("state")), DbTime.fromDb(rs, "surging_since"),
				DbTime.fromDb(rs, "last_flagged"), DbTime.fromDb(rs, "detected_at"), rs.getLong("observed"),
				rs.getDouble("expected"), rs.getDouble("p_value"), rs.getString("acted_by"),
				DbTime.fromDb(rs, "acted_at"), rs.getString("dismiss_reason"), rs.getString("problem_reference"),
				rs.getObject("part_of", UUID.class));
	}

}

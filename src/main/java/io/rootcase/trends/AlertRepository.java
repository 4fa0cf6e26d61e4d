package io.rootcase.trends;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.rootcase.shared.DbTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AlertRepository {

	private static final String COLUMNS = "id, series_key, state, surging_since, last_flagged, detected_at, observed, "
			+ "expected, p_value, acted_by, acted_at, dismiss_reason, problem_reference";

	private final JdbcClient jdbc;

	AlertRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(SurgeAlert a) {
		this.jdbc.sql("insert into trend_alerts (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(a.id(), a.series().key(), a.state().name(), DbTime.toDb(a.since()), DbTime.toDb(a.lastFlagged()),
					DbTime.toDb(a.detectedAt()), a.observed(), a.expected(), a.pValue(), a.actedBy(),
					DbTime.toDb(a.actedAt()), a.dismissReason(), a.problemReference())
			.update();
	}

	void update(SurgeAlert a) {
		this.jdbc
			.sql("update trend_alerts set state = ?, last_flagged = ?, observed = ?, expected = ?, p_value = ?, "
					+ "acted_by = ?, acted_at = ?, dismiss_reason = ?, problem_reference = ? where id = ?")
			.params(a.state().name(), DbTime.toDb(a.lastFlagged()), a.observed(), a.expected(), a.pValue(), a.actedBy(),
					DbTime.toDb(a.actedAt()), a.dismissReason(), a.problemReference(), a.id())
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

	/** Alerts in the states, those still surging most recently first. */
	List<SurgeAlert> list(List<AlertState> states, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from trend_alerts where state in (:states) "
					+ "order by last_flagged desc, detected_at desc, id limit :limit")
			.param("states", states.stream().map(Enum::name).toList())
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	long count(AlertState state, Instant since) {
		return this.jdbc.sql("select count(*) from trend_alerts where state = ? and detected_at >= ?")
			.params(state.name(), DbTime.toDb(since))
			.query(Long.class)
			.single();
	}

	private SurgeAlert map(ResultSet rs, int n) throws SQLException {
		return new SurgeAlert(rs.getObject("id", UUID.class), SeriesKey.parse(rs.getString("series_key")),
				AlertState.valueOf(rs.getString("state")), DbTime.fromDb(rs, "surging_since"),
				DbTime.fromDb(rs, "last_flagged"), DbTime.fromDb(rs, "detected_at"), rs.getLong("observed"),
				rs.getDouble("expected"), rs.getDouble("p_value"), rs.getString("acted_by"),
				DbTime.fromDb(rs, "acted_at"), rs.getString("dismiss_reason"), rs.getString("problem_reference"));
	}

}

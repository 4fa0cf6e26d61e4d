package io.rootcase.trends;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.rootcase.shared.DbTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ClusterRepository {

	private static final String COLUMNS = "id, found_at, state, size, last_week, week_before, terms, outcome, acted_by, "
			+ "acted_at";

	private final JdbcClient jdbc;

	ClusterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Cases opened since the instant whose reason is unclassified or whose root cause was
	 * found unknown, and that no adopted or dismissed group holds: read from the cases
	 * table, as the watch reads contacts, because the cases module has no query for "not
	 * explained yet" across reason and root cause.
	 */
	List<UUID> unexplainedCases(Instant since, int limit) {
		return this.jdbc
			.sql("select k.id from cases k where k.opened_at >= :since "
					+ "and (k.contact_reason is null or k.root_cause_state = 'UNKNOWN') "
					+ "and not exists (select 1 from emerging_cluster_cases m join emerging_clusters c "
					+ "on c.id = m.cluster_id where m.case_id = k.id and c.state <> 'PROPOSED') "
					+ "order by k.opened_at desc limit :limit")
			.param("since", DbTime.toDb(since))
			.param("limit", limit)
			.query((rs, n) -> rs.getObject("id", UUID.class))
			.list();
	}

	/** Cases opened since the instant that have a reason and no unknown root cause. */
	List<UUID> explainedCases(Instant since, int limit) {
		return this.jdbc
			.sql("select k.id from cases k where k.opened_at >= :since and k.contact_reason is not null "
					+ "and k.root_cause_state <> 'UNKNOWN' order by k.opened_at desc limit :limit")
			.param("since", DbTime.toDb(since))
			.param("limit", limit)
			.query((rs, n) -> rs.getObject("id", UUID.class))
			.list();
	}

	void deleteProposed() {
		this.jdbc
			.sql("delete from emerging_cluster_cases where cluster_id in "
					+ "(select id from emerging_clusters where state = 'PROPOSED')")
			.update();
		this.jdbc.sql("delete from emerging_clusters where state = 'PROPOSED'").update();
	}

	/** A group as found, with its cases and the representatives' messages. */
	record Found(EmergingCluster cluster, List<UUID> cases, Map<UUID, String> representatives) {
	}

	void insert(Found found) {
		EmergingCluster c = found.cluster();
		this.jdbc.sql("insert into emerging_clusters (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(c.id(), DbTime.toDb(c.foundAt()), c.state().name(), c.size(), c.lastWeek(), c.weekBefore(),
					String.join(" ", c.terms()), c.outcome(), c.actedBy(), DbTime.toDb(c.actedAt()))
			.update();
		List<UUID> order = new ArrayList<>(found.representatives().keySet());
		for (UUID caseId : found.cases()) {
			int rank = order.indexOf(caseId);
			this.jdbc
				.sql("insert into emerging_cluster_cases (cluster_id, case_id, representative, message) "
						+ "values (?, ?, ?, ?)")
				.params(c.id(), caseId, rank < 0 ? null : rank + 1, found.representatives().get(caseId))
				.update();
		}
	}

	void decide(UUID id, ClusterState state, String outcome, String actor, Instant at) {
		this.jdbc.sql("update emerging_clusters set state = ?, outcome = ?, acted_by = ?, acted_at = ? where id = ?")
			.params(state.name(), outcome, actor, DbTime.toDb(at), id)
			.update();
	}

	Optional<EmergingCluster> find(UUID id) {
		return list("where id = :id", Map.of("id", id)).stream().findFirst();
	}

	Optional<EmergingCluster> findForUpdate(UUID id) {
		this.jdbc.sql("select id from emerging_clusters where id = ? for update")
			.param(id)
			.query(UUID.class)
			.optional();
		return find(id);
	}

	List<EmergingCluster> inState(ClusterState state, int limit) {
		return list("where state = :state order by size desc, found_at desc limit :limit",
				Map.of("state", state.name(), "limit", limit));
	}

	List<UUID> cases(UUID clusterId) {
		return this.jdbc
			.sql("select case_id from emerging_cluster_cases where cluster_id = ? "
					+ "order by coalesce(representative, 99), case_id")
			.param(clusterId)
			.query((rs, n) -> rs.getObject("case_id", UUID.class))
			.list();
	}

	private List<EmergingCluster> list(String where, Map<String, ?> params) {
		List<Object[]> rows = this.jdbc.sql("select " + COLUMNS + " from emerging_clusters " + where)
			.params(params)
			.query((rs, n) -> new Object[] { rs.getObject("id", UUID.class), row(rs) })
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<String>> messages = new HashMap<>();
		this.jdbc
			.sql("select cluster_id, message from emerging_cluster_cases where cluster_id in (:ids) "
					+ "and representative is not null order by representative")
			.param("ids", rows.stream().map(r -> r[0]).toList())
			.query(rs -> {
				messages.computeIfAbsent(rs.getObject("cluster_id", UUID.class), k -> new ArrayList<>())
					.add(rs.getString("message"));
			});
		return rows.stream().map(r -> {
			EmergingCluster c = (EmergingCluster) r[1];
			return new EmergingCluster(c.id(), c.foundAt(), c.state(), c.size(), c.lastWeek(), c.weekBefore(),
					c.terms(), messages.getOrDefault(c.id(), List.of()), c.outcome(), c.actedBy(), c.actedAt());
		}).toList();
	}

	private EmergingCluster row(ResultSet rs) throws SQLException {
		String terms = rs.getString("terms");
		return new EmergingCluster(rs.getObject("id", UUID.class), DbTime.fromDb(rs, "found_at"),
				ClusterState.valueOf(rs.getString("state")), rs.getInt("size"), rs.getInt("last_week"),
				rs.getInt("week_before"), terms.isBlank() ? List.of() : Arrays.asList(terms.split(" ")), List.of(),
				rs.getString("outcome"), rs.getString("acted_by"), DbTime.fromDb(rs, "acted_at"));
	}

}

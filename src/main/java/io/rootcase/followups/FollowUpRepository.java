package io.rootcase.followups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.rootcase.shared.DbTime;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FollowUpRepository {

	private static final String COLUMNS = """
			id, case_id, kind, due_at, owner, note, created_at, created_by, completed_at, completed_by, outcome""";

	private final JdbcClient jdbc;

	FollowUpRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(FollowUp f) {
		this.jdbc.sql("""
				insert into follow_ups (id, case_id, kind, due_at, owner, note, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(f.id(), f.caseId(), f.kind().name(), DbTime.toDb(f.dueAt()), f.owner(), f.note(),
					DbTime.toDb(f.createdAt()), f.createdBy())
			.update();
	}

	/** Stores a completion, unless someone completed it meanwhile. */
	void complete(FollowUp f) {
		int updated = this.jdbc.sql("""
				update follow_ups set completed_at = ?, completed_by = ?, outcome = ?
				where id = ? and completed_at is null""")
			.params(DbTime.toDb(f.completedAt()), f.completedBy(), f.outcome(), f.id())
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("the follow-up was completed by someone else meanwhile");
		}
	}

	Optional<FollowUp> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from follow_ups where id = ?")
			.param(id)
			.query((rs, n) -> row(rs))
			.optional();
	}

	/** Open follow-ups, soonest due first, optionally of one owner. */
	List<FollowUp> open(String owner, Instant dueBefore, int limit, long offset) {
		return openOnes("select " + COLUMNS, owner, dueBefore, " order by due_at, id limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> row(rs))
			.list();
	}

	long countOpen(String owner, Instant dueBefore) {
		return openOnes("select count(*)", owner, dueBefore, "").query(Long.class).single();
	}

	private JdbcClient.StatementSpec openOnes(String select, String owner, Instant dueBefore, String tail) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder sql = new StringBuilder(select + " from follow_ups where completed_at is null");
		if (owner != null) {
			sql.append(" and owner = :owner");
			params.put("owner", owner);
		}
		if (dueBefore != null) {
			sql.append(" and due_at < :dueBefore");
			params.put("dueBefore", DbTime.toDb(dueBefore));
		}
		return this.jdbc.sql(sql.append(tail).toString()).params(params);
	}

	List<FollowUp> ofCases(List<UUID> caseIds) {
		if (caseIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " from follow_ups where case_id in (:ids) order by due_at, id")
			.param("ids", caseIds)
			.query((rs, n) -> row(rs))
			.list();
	}

	Set<UUID> casesWithOpen(FollowUpKind kind) {
		return new HashSet<>(this.jdbc.sql("select case_id from follow_ups where kind = ? and completed_at is null")
			.param(kind.name())
			.query(UUID.class)
			.list());
	}

	boolean hasOpen(UUID caseId, FollowUpKind kind) {
		return this.jdbc.sql("select count(*) from follow_ups where case_id = ? and kind = ? and completed_at is null")
			.params(caseId, kind.name())
			.query(Long.class)
			.single() > 0;
	}

	private static FollowUp row(ResultSet rs) throws SQLException {
		return new FollowUp(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				FollowUpKind.valueOf(rs.getString("kind")), DbTime.fromDb(rs, "due_at"), rs.getString("owner"),
				rs.getString("note"), DbTime.fromDb(rs, "created_at"), rs.getString("created_by"),
				DbTime.fromDb(rs, "completed_at"), rs.getString("completed_by"), rs.getString("outcome"));
	}

}

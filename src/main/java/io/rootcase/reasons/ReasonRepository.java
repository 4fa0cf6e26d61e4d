package io.rootcase.reasons;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.rootcase.shared.DbTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReasonRepository {

	private final JdbcClient jdbc;

	ReasonRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Reason> all() {
		return this.jdbc.sql("select * from reasons order by name, reason_key").query((rs, n) -> reason(rs)).list();
	}

	Optional<Reason> find(String key) {
		return this.jdbc.sql("select * from reasons where reason_key = ?")
			.param(key)
			.query((rs, n) -> reason(rs))
			.optional();
	}

	void insert(Reason r) {
		ReasonView v = r.view();
		this.jdbc.sql("""
				insert into reasons (reason_key, name, description, team, parent_key, status, merged_into,
				  created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(v.key(), v.name(), v.description(), v.team(), v.parentKey(), v.status().name(), v.mergedInto(),
					DbTime.toDb(r.createdAt()), DbTime.toDb(r.updatedAt()))
			.update();
	}

	void update(Reason r) {
		ReasonView v = r.view();
		this.jdbc.sql("""
				update reasons set name = ?, description = ?, team = ?, parent_key = ?, status = ?, merged_into = ?,
				  updated_at = ?
				where reason_key = ?
				""")
			.params(v.name(), v.description(), v.team(), v.parentKey(), v.status().name(), v.mergedInto(),
					DbTime.toDb(r.updatedAt()), v.key())
			.update();
	}

	/** Reasons merged earlier into {@code from} now point straight at {@code to}. */
	void repointMerged(String from, String to) {
		this.jdbc.sql("update reasons set merged_into = ? where merged_into = ?").params(to, from).update();
	}

	private static Reason reason(ResultSet rs) throws SQLException {
		return new Reason(rs.getString("reason_key"), rs.getString("name"), rs.getString("description"),
				rs.getString("team"), rs.getString("parent_key"), ReasonStatus.valueOf(rs.getString("status")),
				rs.getString("merged_into"), DbTime.fromDb(rs, "created_at"), DbTime.fromDb(rs, "updated_at"));
	}

}

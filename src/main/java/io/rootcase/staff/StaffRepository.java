package io.rootcase.staff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.rootcase.shared.DbTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffRepository {

	private final JdbcClient jdbc;

	StaffRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Team> teams() {
		return this.jdbc.sql("select code, name from teams order by name")
			.query((rs, n) -> new Team(rs.getString("code"), rs.getString("name")))
			.list();
	}

	Optional<Team> team(String code) {
		return this.jdbc.sql("select code, name from teams where code = ?")
			.param(code)
			.query((rs, n) -> new Team(rs.getString("code"), rs.getString("name")))
			.optional();
	}

	void insertTeam(Team team) {
		this.jdbc.sql("insert into teams (code, name) values (?, ?)").params(team.code(), team.name()).update();
	}

	List<Agent> agents() {
		return this.jdbc.sql("select username, display_name, role, team_code, active from agents order by username")
			.query((rs, n) -> agent(rs))
			.list();
	}

	Optional<Agent> agent(String username) {
		return this.jdbc.sql("select username, display_name, role, team_code, active from agents where username = ?")
			.param(username)
			.query((rs, n) -> agent(rs))
			.optional();
	}

	Optional<String> passwordHash(String username) {
		return this.jdbc.sql("select password_hash from agents where username = ? and active = true")
			.param(username)
			.query(String.class)
			.optional();
	}

	void insertAgent(Agent agent, String passwordHash, Instant at) {
		this.jdbc.sql("""
				insert into agents (username, display_name, password_hash, role, team_code, active, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(agent.username(), agent.displayName(), passwordHash, agent.role().name(), agent.team(),
					agent.active(), DbTime.toDb(at))
			.update();
	}

	void updateTeam(Team team) {
		this.jdbc.sql("update teams set name = ? where code = ?").params(team.name(), team.code()).update();
	}

	void updateAgent(Agent agent) {
		this.jdbc.sql("update agents set display_name = ?, role = ?, team_code = ?, active = ? where username = ?")
			.params(agent.displayName(), agent.role().name(), agent.team(), agent.active(), agent.username())
			.update();
	}

	void updatePasswordHash(String username, String passwordHash) {
		this.jdbc.sql("update agents set password_hash = ? where username = ?").params(passwordHash, username).update();
	}

	/** Counts a wrong password; the count reached, pauses sign-in and starts again. */
	void signInFailed(String username, int allowed, Instant pausedUntil) {
		this.jdbc.sql("update agents set failed_sign_ins = failed_sign_ins + 1 where username = ?")
			.param(username)
			.update();
		this.jdbc.sql("""
				update agents set failed_sign_ins = 0, sign_in_paused_until = ?
				where username = ? and failed_sign_ins >= ?""")
			.params(DbTime.toDb(pausedUntil), username, allowed)
			.update();
	}

	/**
	 * Forgets wrong passwords and any pause; writes nothing when there is nothing to
	 * forget.
	 */
	void clearSignInFailures(String username) {
		this.jdbc.sql("""
				update agents set failed_sign_ins = 0, sign_in_paused_until = null
				where username = ? and (failed_sign_ins > 0 or sign_in_paused_until is not null)""")
			.param(username)
			.update();
	}

	Optional<Instant> signInPausedUntil(String username) {
		return this.jdbc
			.sql("select sign_in_paused_until from agents where username = ? and sign_in_paused_until is not null")
			.param(username)
			.query((rs, n) -> DbTime.fromDb(rs, "sign_in_paused_until"))
			.optional();
	}

	/** Locks the admins' rows, so two admins demoting each other cannot leave none. */
	long activeAdminsForUpdate() {
		return this.jdbc.sql("select username from agents where role = 'ADMIN' and active = true for update")
			.query(String.class)
			.list()
			.size();
	}

	long agentCount() {
		return this.jdbc.sql("select count(*) from agents").query(Long.class).single();
	}

	private static Agent agent(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Agent(rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
				rs.getString("team_code"), rs.getBoolean("active"));
	}

}

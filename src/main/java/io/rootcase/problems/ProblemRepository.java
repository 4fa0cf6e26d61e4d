package io.rootcase.problems;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rootcase.shared.DbTime;
import io.rootcase.shared.Ids;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.shared.Texts;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ProblemRepository {

	private static final Pattern NUMBER = Pattern.compile("^(?:PRB-?)?(\\d{1,18})$");

	private final JdbcClient jdbc;

	ProblemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Problem insert(Problem p) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		withDetails(this.jdbc.sql("""
				insert into problems (id, title, description, team, owner, status, root_cause_key, root_cause_text,
				  reason_key, workaround, fix_plan, fix_target_date, segment, created_at, created_by, version)
				values (:id, :title, :description, :team, :owner, :status, :rcKey, :rcText, :reason, :workaround,
				  :fixPlan, :target, :segment, :created, :createdBy, 0)
				"""), p).param("id", p.id())
			.param("created", DbTime.toDb(p.createdAt()))
			.param("createdBy", p.createdBy())
			.update(keys, "problem_number");
		insertTransitions(p);
		return find(p.id().toString()).orElseThrow();
	}

	void update(Problem p) {
		int updated = withDetails(this.jdbc.sql("""
				update problems set title = :title, description = :description, team = :team, owner = :owner,
				  status = :status, root_cause_key = :rcKey, root_cause_text = :rcText, reason_key = :reason,
				  workaround = :workaround, fix_plan = :fixPlan, fix_target_date = :target, segment = :segment,
				  fix_deployed_at = :deployed, verified_at = :verified, verification_note = :note,
				  version = version + 1
				where id = :id and version = :version
				"""), p).param("id", p.id())
			.param("version", p.version())
			.param("deployed", DbTime.toDb(p.fixDeployedAt()))
			.param("verified", DbTime.toDb(p.verifiedAt()))
			.param("note", p.verificationNote())
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException(
					"problem " + ProblemView.PREFIX + p.number() + " was changed by someone else; reload and retry");
		}
		insertTransitions(p);
	}

	private static JdbcClient.StatementSpec withDetails(JdbcClient.StatementSpec statement, Problem p) {
		Problem.Details d = p.details();
		return statement.param("title", d.title())
			.param("description", d.description())
			.param("team", d.team())
			.param("owner", d.owner())
			.param("status", p.status().name())
			.param("rcKey", d.rootCauseKey())
			.param("rcText", d.rootCauseText())
			.param("reason", d.reasonKey())
			.param("workaround", d.workaround())
			.param("fixPlan", d.fixPlan())
			.param("target", d.fixTargetDate() == null ? null : Date.valueOf(d.fixTargetDate()))
			.param("segment", d.segment());
	}

	/** By reference ({@code PRB-7}, {@code 7}) or id. */
	Optional<Problem> find(String reference) {
		String value = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
		Matcher m = NUMBER.matcher(value);
		if (m.matches()) {
			return this.jdbc.sql("select * from problems where problem_number = ?")
				.param(Long.parseLong(m.group(1)))
				.query((rs, n) -> problem(rs))
				.optional();
		}
		UUID id;
		try {
			id = UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidRequestException.of("reference",
					Texts.quoted(reference) + " is not a problem reference like PRB-7");
		}
		return this.jdbc.sql("select * from problems where id = ?").param(id).query((rs, n) -> problem(rs)).optional();
	}

	List<Problem> list(String team, ProblemStatus status, int limit) {
		return this.jdbc.sql("""
				select * from problems
				where (cast(:team as varchar(40)) is null or team = :team)
				  and (cast(:status as varchar(20)) is null or status = :status)
				order by problem_number desc limit :limit
				""")
			.param("team", team)
			.param("status", status == null ? null : status.name())
			.param("limit", limit)
			.query((rs, n) -> problem(rs))
			.list();
	}

	/** Problems whose fix is not verified yet, of one team or of all (null). */
	List<Problem> unverified(String team, int limit) {
		return this.jdbc.sql("""
				select * from problems
				where (cast(:team as varchar(40)) is null or team = :team) and status <> 'VERIFIED'
				order by problem_number desc limit :limit
				""").param("team", team).param("limit", limit).query((rs, n) -> problem(rs)).list();
	}

	/**
	 * Problems not verified yet (known errors among them) about the root cause or reason,
	 * the latest five.
	 */
	List<Problem> openMatching(String rootCauseKey, String reasonKey) {
		return this.jdbc.sql("""
				select * from problems
				where status <> 'VERIFIED'
				  and (root_cause_key = :cause or reason_key = :reason)
				order by problem_number desc limit 5
				""").param("cause", rootCauseKey).param("reason", reasonKey).query((rs, n) -> problem(rs)).list();
	}

	List<ProblemHistory> history(UUID problemId) {
		return this.jdbc.sql("select * from problem_transitions where problem_id = ? order by occurred_at, id")
			.param(problemId)
			.query((rs, n) -> new ProblemHistory(
					rs.getString("from_status") == null ? null : ProblemStatus.valueOf(rs.getString("from_status")),
					ProblemStatus.valueOf(rs.getString("to_status")), rs.getString("actor"), rs.getString("reason"),
					DbTime.fromDb(rs, "occurred_at")))
			.list();
	}

	private void insertTransitions(Problem p) {
		for (Problem.Transition t : p.drainTransitions()) {
			this.jdbc.sql("""
					insert into problem_transitions (id, problem_id, from_status, to_status, actor, reason, occurred_at)
					values (?, ?, ?, ?, ?, ?, ?)
					""")
				.params(Ids.next(), p.id(), t.from() == null ? null : t.from().name(), t.to().name(), t.actor(),
						t.reason(), DbTime.toDb(t.at()))
				.update();
		}
	}

	private static Problem problem(ResultSet rs) throws SQLException {
		Date target = rs.getDate("fix_target_date");
		return new Problem(rs.getObject("id", UUID.class), rs.getLong("problem_number"),
				new Problem.Details(rs.getString("title"), rs.getString("description"), rs.getString("team"),
						rs.getString("owner"), rs.getString("root_cause_key"), rs.getString("root_cause_text"),
						rs.getString("reason_key"), rs.getString("workaround"), rs.getString("fix_plan"),
						target == null ? null : target.toLocalDate(), rs.getString("segment")),
				ProblemStatus.valueOf(rs.getString("status")), DbTime.fromDb(rs, "fix_deployed_at"),
				DbTime.fromDb(rs, "verified_at"), rs.getString("verification_note"), DbTime.fromDb(rs, "created_at"),
				rs.getString("created_by"), rs.getInt("version"));
	}

}

package io.rootcase.problems;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.rootcase.shared.DbTime;
import io.rootcase.shared.Ids;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Root-cause analyses (one row per entry, so each stays a plain column) and action items.
 */
@Repository
class AnalysisRepository {

	private final JdbcClient jdbc;

	AnalysisRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the problem's analysis: it is edited as one document. */
	void saveAnalysis(UUID problemId, RootCauseAnalysis rca) {
		this.jdbc.sql("delete from problem_rca_entries where problem_id = ?").param(problemId).update();
		int position = 0;
		for (RootCauseAnalysis.Event e : rca.timeline()) {
			entry(problemId, "EVENT", position++, e.at(), null, e.what());
		}
		for (String why : rca.whys()) {
			entry(problemId, "WHY", position++, null, null, why);
		}
		for (RootCauseAnalysis.Factor f : rca.factors()) {
			entry(problemId, "FACTOR", position++, null, f.category().name(), f.description());
		}
		for (String well : rca.wentWell()) {
			entry(problemId, "WENT_WELL", position++, null, null, well);
		}
	}

	RootCauseAnalysis analysis(UUID problemId) {
		List<RootCauseAnalysis.Event> timeline = new ArrayList<>();
		List<String> whys = new ArrayList<>();
		List<RootCauseAnalysis.Factor> factors = new ArrayList<>();
		List<String> wentWell = new ArrayList<>();
		this.jdbc.sql("select * from problem_rca_entries where problem_id = ? order by position")
			.param(problemId)
			.query((ResultSet rs) -> {
				String body = rs.getString("body");
				switch (rs.getString("kind")) {
					case "EVENT" -> timeline.add(new RootCauseAnalysis.Event(DbTime.fromDb(rs, "occurred_at"), body));
					case "WHY" -> whys.add(body);
					case "FACTOR" -> factors.add(new RootCauseAnalysis.Factor(
							RootCauseAnalysis.FactorCategory.valueOf(rs.getString("category")), body));
					default -> wentWell.add(body);
				}
			});
		return new RootCauseAnalysis(timeline, whys, factors, wentWell);
	}

	void insert(ActionItem item) {
		this.jdbc.sql("""
				insert into problem_action_items (id, problem_id, title, owner_team, owner, due_date, status,
				  created_at, created_by, done_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(item.id(), item.problemId(), item.title(), item.ownerTeam(), item.owner(), Date.valueOf(item.due()),
					item.status().name(), DbTime.toDb(item.createdAt()), item.createdBy(), DbTime.toDb(item.doneAt()))
			.update();
	}

	void update(ActionItem item) {
		this.jdbc.sql("update problem_action_items set status = ?, done_at = ? where id = ?")
			.params(item.status().name(), DbTime.toDb(item.doneAt()), item.id())
			.update();
	}

	Optional<ActionItem> actionItem(UUID id) {
		return this.jdbc.sql("select * from problem_action_items where id = ?")
			.param(id)
			.query((rs, n) -> actionItem(rs))
			.optional();
	}

	List<ActionItem> actionItemsOf(UUID problemId) {
		return this.jdbc.sql("select * from problem_action_items where problem_id = ? order by due_date, id")
			.param(problemId)
			.query((rs, n) -> actionItem(rs))
			.list();
	}

	/** A team's open action items, soonest due first. */
	List<ActionItem> openActionItemsOfTeam(String team) {
		return this.jdbc
			.sql("select * from problem_action_items where owner_team = ? and status = 'OPEN' order by due_date, id")
			.param(team)
			.query((rs, n) -> actionItem(rs))
			.list();
	}

	private void entry(UUID problemId, String kind, int position, Instant at, String category, String body) {
		this.jdbc.sql("""
				insert into problem_rca_entries (id, problem_id, kind, position, occurred_at, category, body)
				values (?, ?, ?, ?, ?, ?, ?)
				""").params(Ids.next(), problemId, kind, position, DbTime.toDb(at), category, body).update();
	}

	private static ActionItem actionItem(ResultSet rs) throws SQLException {
		return new ActionItem(rs.getObject("id", UUID.class), rs.getObject("problem_id", UUID.class),
				rs.getString("title"), rs.getString("owner_team"), rs.getString("owner"),
				rs.getDate("due_date").toLocalDate(), ActionItemStatus.valueOf(rs.getString("status")),
				DbTime.fromDb(rs, "created_at"), rs.getString("created_by"), DbTime.fromDb(rs, "done_at"));
	}

}

package io.rootcase.diagnosis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.rootcase.diagnosis.CaseDiagnosis.Answer;
import io.rootcase.diagnosis.CaseDiagnosis.Source;
import io.rootcase.diagnosis.CaseDiagnosis.Status;
import io.rootcase.shared.DbTime;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DiagnosisRepository {

	private static final String COLUMNS = """
			id, case_id, kb_version_id, status, started_at, started_by, finished_at, finished_by, cause_key,
			explained_at, explained_by, version""";

	private final JdbcClient jdbc;

	DiagnosisRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(CaseDiagnosis d) {
		this.jdbc.sql("""
				insert into diagnoses (id, case_id, kb_version_id, status, started_at, started_by, version)
				values (?, ?, ?, ?, ?, ?, 0)""")
			.params(d.id(), d.caseId(), d.kbVersionId(), d.status().name(), DbTime.toDb(d.startedAt()), d.startedBy())
			.update();
	}

	/** Writes the diagnosis's status and any answer or skip not stored yet. */
	void update(CaseDiagnosis d) {
		int updated = this.jdbc.sql("""
				update diagnoses set status = ?, finished_at = ?, finished_by = ?, cause_key = ?, explained_at = ?,
				explained_by = ?, version = version + 1
				where id = ? and version = ?""")
			.params(d.status().name(), DbTime.toDb(d.finishedAt()), d.finishedBy(), d.causeKey(),
					DbTime.toDb(d.explainedAt()), d.explainedBy(), d.id(), d.version())
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("the diagnosis was changed by someone else; reload it");
		}
		this.jdbc.sql("delete from diagnosis_answers where diagnosis_id = ?").param(d.id()).update();
		for (Answer a : d.answers().values()) {
			this.jdbc.sql("""
					insert into diagnosis_answers (diagnosis_id, question_key, answer, source, recorded_at, recorded_by)
					values (?, ?, ?, ?, ?, ?)""")
				.params(d.id(), a.question(), a.answer(), a.source().name(), DbTime.toDb(a.at()), a.by())
				.update();
		}
		this.jdbc.sql("delete from diagnosis_skips where diagnosis_id = ?").param(d.id()).update();
		for (String skipped : d.skipped()) {
			this.jdbc.sql("insert into diagnosis_skips (diagnosis_id, question_key) values (?, ?)")
				.params(d.id(), skipped)
				.update();
		}
	}

	Optional<CaseDiagnosis> latestOfCase(UUID caseId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from diagnoses where case_id = ? order by started_at desc, id desc limit 1")
			.param(caseId)
			.query((rs, n) -> row(rs))
			.optional()
			.map(this::hydrate);
	}

	/**
	 * The latest diagnoses of their cases that ended with a status: a case diagnosed
	 * again since no longer counts with its earlier ending.
	 */
	List<CaseDiagnosis> withStatus(Status status, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from diagnoses d " + """
				where status = ? and not exists (
				   select 1 from diagnoses later where later.case_id = d.case_id and later.started_at > d.started_at)
				order by finished_at desc, id limit ?""")
			.params(status.name(), limit)
			.query((rs, n) -> row(rs))
			.list()
			.stream()
			.map(this::hydrate)
			.toList();
	}

	/**
	 * The latest diagnoses of these cases, where that diagnosis ended unknown.
	 */
	List<CaseDiagnosis> unknownOf(Collection<UUID> caseIds) {
		Set<UUID> wanted = new HashSet<>(caseIds);
		// Unknown endings are few beside the cases a problem may link (thousands), so
		// they are read whole and picked here rather than named in a long IN list.
		return this.jdbc.sql("select " + COLUMNS + " from diagnoses d " + """
				where status = 'UNKNOWN' and not exists (
				   select 1 from diagnoses later where later.case_id = d.case_id and later.started_at > d.started_at)
				order by finished_at, id""")
			.query((rs, n) -> row(rs))
			.list()
			.stream()
			.filter(r -> wanted.contains(r.caseId()))
			.map(this::hydrate)
			.toList();
	}

	/**
	 * A cheap fingerprint of the diagnoses ended (or explained) since an instant: it
	 * changes whenever one more ends or is explained, so learned values are recomputed
	 * only then.
	 */
	String endedSince(Instant since) {
		return this.jdbc.sql("""
				select count(*) as n, max(coalesce(explained_at, finished_at)) as latest,
				       sum(case when status = 'EXPLAINED' then 1 else 0 end) as explained
				from diagnoses
				where status in ('CONFIRMED', 'UNKNOWN', 'EXPLAINED') and coalesce(explained_at, finished_at) > ?""")
			.param(DbTime.toDb(since))
			.query((rs, n) -> rs.getLong("n") + "/" + rs.getLong("explained") + "@" + DbTime.fromDb(rs, "latest"))
			.single();
	}

	/**
	 * The counts of the diagnoses ended since an instant, for learning. A diagnosis
	 * explained later counts as confirmed to the cause found (since it was found), not as
	 * unknown: what it gathered is what that cause looks like.
	 */
	Learning.Experience experienceSince(Instant since) {
		Map<String, Integer> confirmed = new HashMap<>();
		this.jdbc.sql("""
				select cause_key, count(*) as n from diagnoses
				where status in ('CONFIRMED', 'EXPLAINED') and coalesce(explained_at, finished_at) > ?
				group by cause_key""").param(DbTime.toDb(since)).query(rs -> {
			confirmed.put(rs.getString("cause_key"), rs.getInt("n"));
		});
		int unknown = this.jdbc.sql("select count(*) from diagnoses where status = 'UNKNOWN' and finished_at > ?")
			.param(DbTime.toDb(since))
			.query(Integer.class)
			.single();
		Map<String, Map<String, Map<String, Integer>>> answers = new HashMap<>();
		this.jdbc.sql("""
				select d.cause_key, a.question_key, a.answer, count(*) as n
				from diagnoses d join diagnosis_answers a on a.diagnosis_id = d.id
				where d.status in ('CONFIRMED', 'EXPLAINED') and coalesce(d.explained_at, d.finished_at) > ?
				group by d.cause_key, a.question_key, a.answer""").param(DbTime.toDb(since)).query(rs -> {
			answers.computeIfAbsent(rs.getString("cause_key"), c -> new HashMap<>())
				.computeIfAbsent(rs.getString("question_key"), q -> new HashMap<>())
				.put(rs.getString("answer"), rs.getInt("n"));
		});
		return new Learning.Experience(confirmed, unknown, answers);
	}

	private CaseDiagnosis hydrate(Row r) {
		Map<String, Answer> answers = new LinkedHashMap<>();
		this.jdbc.sql("""
				select question_key, answer, source, recorded_at, recorded_by from diagnosis_answers
				where diagnosis_id = ? order by recorded_at, question_key""")
			.param(r.id())
			.query((rs, n) -> new Answer(rs.getString("question_key"), rs.getString("answer"),
					Source.valueOf(rs.getString("source")), DbTime.fromDb(rs, "recorded_at"),
					rs.getString("recorded_by")))
			.list()
			.forEach(a -> answers.put(a.question(), a));
		var skipped = new HashSet<>(
				this.jdbc.sql("select question_key from diagnosis_skips where diagnosis_id = ? order by question_key")
					.param(r.id())
					.query(String.class)
					.list());
		return new CaseDiagnosis(r.id(), r.caseId(), r.kbVersionId(), r.status(), r.startedAt(), r.startedBy(),
				r.finishedAt(), r.finishedBy(), r.causeKey(), r.explainedAt(), r.explainedBy(), r.version(), answers,
				skipped);
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getObject("kb_version_id", UUID.class), Status.valueOf(rs.getString("status")),
				DbTime.fromDb(rs, "started_at"), rs.getString("started_by"), DbTime.fromDb(rs, "finished_at"),
				rs.getString("finished_by"), rs.getString("cause_key"), DbTime.fromDb(rs, "explained_at"),
				rs.getString("explained_by"), rs.getInt("version"));
	}

	private record Row(UUID id, UUID caseId, UUID kbVersionId, Status status, Instant startedAt, String startedBy,
			Instant finishedAt, String finishedBy, String causeKey, Instant explainedAt, String explainedBy,
			int version) {
	}

}

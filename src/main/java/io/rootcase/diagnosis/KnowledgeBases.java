package io.rootcase.diagnosis;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.rootcase.shared.DbTime;
import io.rootcase.shared.Ids;
import io.rootcase.shared.NotFoundException;
import io.rootcase.staff.Staff;
import io.rootcase.staff.Team;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base's versions: import (checked whole, nothing stored on any problem),
 * export, what ended diagnoses have taught it, and the engine for a version with what was
 * learned applied.
 */
@Service
public class KnowledgeBases {

	private final JdbcClient jdbc;

	private final DiagnosisRepository diagnoses;

	private final Staff staff;

	private final Clock clock;

	private final Learning learning;

	private final boolean learningEnabled;

	// Versions are immutable, so their parsed files can be kept for the life of the node.
	private final Map<UUID, KnowledgeBase> expertBases = new ConcurrentHashMap<>();

	// An engine with learned values stays valid until another diagnosis ends or learning
	// is reset; the stamp says which state of the data it was built from. Each node
	// checks the stamp in the database, so every node learns from every node's diagnoses.
	private final Map<UUID, LearnedEngine> engines = new ConcurrentHashMap<>();

	private record LearnedEngine(String stamp, DiagnosisEngine engine) {
	}

	KnowledgeBases(JdbcClient jdbc, DiagnosisRepository diagnoses, Staff staff, Clock clock,
			@Value("${rootcase.diagnosis.learning.enabled:true}") boolean learningEnabled,
			@Value("${rootcase.diagnosis.learning.prior-strength:100}") double priorStrength,
			@Value("${rootcase.diagnosis.learning.answer-strength:20}") double answerStrength) {
		this.jdbc = jdbc;
		this.diagnoses = diagnoses;
		this.staff = staff;
		this.clock = clock;
		this.learningEnabled = learningEnabled;
		this.learning = new Learning(priorStrength, answerStrength);
	}

	/**
	 * Checks a knowledge base file and, if it is valid, stores it as the new current
	 * version.
	 * @throws KnowledgeBaseException listing every problem; the stored knowledge base is
	 * unchanged
	 */
	@Transactional
	public KnowledgeBaseVersion importFile(String yaml, String actor) {
		KnowledgeBase kb = KnowledgeBaseFile.read(yaml);
		checkTeams(kb);
		int number = this.jdbc.sql("select coalesce(max(version_number), 0) + 1 from kb_versions")
			.query(Integer.class)
			.single();
		KnowledgeBaseVersion version = new KnowledgeBaseVersion(Ids.next(), number, kb.version(), this.clock.instant(),
				actor);
		this.jdbc.sql("""
				insert into kb_versions (id, version_number, label, content, imported_at, imported_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(version.id(), number, kb.version(), yaml, DbTime.toDb(version.importedAt()), actor)
			.update();
		return version;
	}

	/**
	 * A root cause problem management has found: what the knowledge base should say of
	 * it.
	 *
	 * @param fix what removes the cause, if planned
	 * @param workaround what relieves the symptom meanwhile
	 */
	public record KnownCause(String key, String name, String description, String team, String fix, String workaround) {
	}

	/**
	 * How likely a cause new to the knowledge base is, before any diagnosis counts it.
	 */
	private static final double NEW_CAUSE_PRIOR = 0.02;

	/**
	 * How many answers of the question's background a new cause's answers described by
	 * its cases are smoothed with: two, so that three cases answering alike make the
	 * answer likely (0.64 to 0.8 for a yes/no, by its background) without ruling the
	 * other out.
	 */
	static final double DESCRIBING_STRENGTH = 2;

	/**
	 * Records a cause as known, as a new knowledge-base version: an existing cause
	 * becomes {@code known}, owned by the team, with the fix and the workaround (kept
	 * with any it had); a new one is added with a small prior, which learning then
	 * adjusts, and with answers told by the characterisations of the cases it explains
	 * (without them it would answer like any cause, and diagnosis could not find it).
	 * Does nothing while there is no knowledge base.
	 */
	@Transactional
	Optional<KnowledgeBaseVersion> recordKnownCause(KnownCause cause, List<Map<String, String>> characterisations,
			String actor) {
		Optional<KnowledgeBaseVersion> current = current();
		if (current.isEmpty()) {
			return Optional.empty();
		}
		KnowledgeBase kb = KnowledgeBaseFile.read(file(current.get().id()));
		Optional<KnowledgeBase.RootCause> existing = kb.cause(cause.key());
		List<KnowledgeBase.Remedy> workarounds = new ArrayList<>(
				existing.map(KnowledgeBase.RootCause::workarounds).orElse(List.of()));
		if (cause.workaround() != null && !cause.workaround().isBlank()
				&& workarounds.stream().noneMatch(w -> w.action().equals(cause.workaround()))) {
			workarounds.add(new KnowledgeBase.Remedy(cause.workaround(), 5));
		}
		KnowledgeBase.Remedy fix = cause.fix() != null && !cause.fix().isBlank()
				? new KnowledgeBase.Remedy(cause.fix(), existing.map(c -> c.fix().minutes()).orElse(30))
				: existing.map(KnowledgeBase.RootCause::fix)
					.orElse(new KnowledgeBase.Remedy("Apply the permanent fix of " + cause.name(), 30));
		KnowledgeBase.RootCause known = new KnowledgeBase.RootCause(cause.key(),
				existing.map(KnowledgeBase.RootCause::name).orElse(cause.name()),
				existing.map(KnowledgeBase.RootCause::description).orElse(cause.description()), cause.team(),
				existing.map(KnowledgeBase.RootCause::prior).orElse(NEW_CAUSE_PRIOR), KnowledgeBase.CauseStatus.KNOWN,
				fix, workarounds);
		// In place, so the file reads as before but for this cause.
		List<KnowledgeBase.RootCause> causes = new ArrayList<>(
				kb.causes().stream().map(c -> c.key().equals(cause.key()) ? known : c).toList());
		if (existing.isEmpty()) {
			causes.add(known);
		}
		KnowledgeBase recorded = new KnowledgeBase(kb.name(), kb.version(), kb.unknownPrior(), kb.answerNoise(), causes,
				kb.questions());
		// A cause already there keeps its expert's answers; the cases it explains
		// teach it through learning, as confirmed diagnoses do.
		return Optional.of(importFile(
				KnowledgeBaseFile.write(existing.isEmpty()
						? recorded.describedBy(cause.key(), characterisations, DESCRIBING_STRENGTH) : recorded),
				actor));
	}

	// A cause must be owned by a team that exists, or its cases could not be handed over
	// for the fix; the file reader cannot know the teams, so this check is here.
	private void checkTeams(KnowledgeBase kb) {
		Set<String> teams = this.staff.teams().stream().map(Team::code).collect(Collectors.toCollection(TreeSet::new));
		List<KnowledgeBaseException.Problem> problems = new ArrayList<>();
		for (int i = 0; i < kb.causes().size(); i++) {
			String team = kb.causes().get(i).team();
			if (!teams.contains(team)) {
				problems.add(new KnowledgeBaseException.Problem("causes[" + i + "].team",
						"no team '" + team + "'; teams: " + String.join(", ", teams)));
			}
		}
		if (!problems.isEmpty()) {
			throw new KnowledgeBaseException(problems);
		}
	}

	/**
	 * The names of the current knowledge base's root causes by key, for pages that show a
	 * stored key; empty before the first import.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> causeNames() {
		return current()
			.map(v -> expert(v.id()).causes()
				.stream()
				.collect(Collectors.toUnmodifiableMap(KnowledgeBase.RootCause::key, KnowledgeBase.RootCause::name)))
			.orElse(Map.of());
	}

	@Transactional(readOnly = true)
	public Optional<KnowledgeBaseVersion> current() {
		return this.jdbc.sql("select " + COLUMNS + " from kb_versions order by version_number desc limit 1")
			.query((rs, n) -> version(rs))
			.optional();
	}

	@Transactional(readOnly = true)
	public KnowledgeBaseVersion version(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from kb_versions where id = ?")
			.param(id)
			.query((rs, n) -> version(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("no knowledge base version " + id));
	}

	@Transactional(readOnly = true)
	public List<KnowledgeBaseVersion> versions() {
		return this.jdbc.sql("select " + COLUMNS + " from kb_versions order by version_number desc")
			.query((rs, n) -> version(rs))
			.list();
	}

	/** The file of a version, exactly as imported. */
	@Transactional(readOnly = true)
	public String file(UUID versionId) {
		return this.jdbc.sql("select content from kb_versions where id = ?")
			.param(versionId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("no knowledge base version " + versionId));
	}

	/** A version as its file says, before anything was learned. */
	KnowledgeBase expert(UUID versionId) {
		KnowledgeBase kb = this.expertBases.get(versionId);
		if (kb == null) {
			kb = KnowledgeBaseFile.read(file(versionId));
			this.expertBases.put(versionId, kb);
		}
		return kb;
	}

	/**
	 * The engine for a version, with what the diagnoses ended since the last reset have
	 * taught it (unless learning is turned off).
	 */
	@Transactional(readOnly = true)
	public DiagnosisEngine engine(UUID versionId) {
		KnowledgeBase expert = expert(versionId);
		if (!this.learningEnabled) {
			return this.engines
				.computeIfAbsent(versionId,
						id -> new LearnedEngine("expert",
								new DiagnosisEngine(expert, DiagnosisEngine.Settings.defaults())))
				.engine();
		}
		Instant since = since(lastReset());
		String stamp = since + "|" + this.diagnoses.endedSince(since);
		LearnedEngine cached = this.engines.get(versionId);
		if (cached != null && cached.stamp().equals(stamp)) {
			return cached.engine();
		}
		KnowledgeBase learned = this.learning.apply(expert, this.diagnoses.experienceSince(since));
		LearnedEngine fresh = new LearnedEngine(stamp,
				new DiagnosisEngine(learned, DiagnosisEngine.Settings.defaults()));
		this.engines.put(versionId, fresh);
		return fresh.engine();
	}

	/**
	 * What the diagnoses ended since the last reset changed in the current version, for
	 * managers to review.
	 * @param threshold the smallest shift of a probability worth listing
	 */
	@Transactional(readOnly = true)
	public LearningView learning(double threshold) {
		Taught current = taughtCurrent();
		KnowledgeBase expert = current.expert();
		List<LearningView.Shift> shifts = this.learning
			.changes(expert, current.learned(), current.experience(), threshold)
			.stream()
			.map(c -> new LearningView.Shift(c.cause(),
					expert.cause(c.cause()).map(KnowledgeBase.RootCause::name).orElse("Another cause, not yet known"),
					c.question(), c.question() == null ? null : expert.question(c.question()).orElseThrow().text(),
					c.answer(), c.expert(), c.learned(), c.observations()))
			.toList();
		Optional<Reset> reset = current.reset();
		return new LearningView(this.learningEnabled, current.version().number(), reset.map(Reset::at).orElse(null),
				reset.map(Reset::by).orElse(null), current.experience().confirmedTotal(),
				current.experience().unknown(), this.learning.priorStrength(), this.learning.answerStrength(), shifts);
	}

	/**
	 * The current version's file with the learned values written in, for a manager to
	 * review and import as a new expert version.
	 */
	@Transactional(readOnly = true)
	public String learnedFile() {
		KnowledgeBase learned = taughtCurrent().learned();
		return KnowledgeBaseFile.write(new KnowledgeBase(learned.name(), learned.version() + "+learned",
				learned.unknownPrior(), learned.answerNoise(), learned.causes(), learned.questions()));
	}

	/**
	 * The current version with what the diagnoses ended since the last reset taught it.
	 */
	private record Taught(KnowledgeBaseVersion version, Optional<Reset> reset, Learning.Experience experience,
			KnowledgeBase expert, KnowledgeBase learned) {
	}

	private Taught taughtCurrent() {
		KnowledgeBaseVersion current = current()
			.orElseThrow(() -> new NotFoundException("no knowledge base has been imported yet"));
		Optional<Reset> reset = lastReset();
		Learning.Experience experience = this.diagnoses.experienceSince(since(reset));
		KnowledgeBase expert = expert(current.id());
		return new Taught(current, reset, experience, expert, this.learning.apply(expert, experience));
	}

	/**
	 * Returns every version to its expert values: diagnoses ended until now no longer
	 * count. Nothing is deleted.
	 */
	@Transactional
	public void resetLearning(String actor) {
		this.jdbc.sql("insert into kb_learning_resets (id, reset_at, reset_by) values (?, ?, ?)")
			.params(Ids.next(), DbTime.toDb(this.clock.instant()), actor)
			.update();
	}

	private record Reset(Instant at, String by) {
	}

	/** Learning counts the diagnoses ended after the last reset, or all of them. */
	private static Instant since(Optional<Reset> reset) {
		return reset.map(Reset::at).orElse(Instant.EPOCH);
	}

	private Optional<Reset> lastReset() {
		return this.jdbc.sql("select reset_at, reset_by from kb_learning_resets order by reset_at desc limit 1")
			.query((rs, n) -> new Reset(DbTime.fromDb(rs, "reset_at"), rs.getString("reset_by")))
			.optional();
	}

	private static final String COLUMNS = "id, version_number, label, imported_at, imported_by";

	private static KnowledgeBaseVersion version(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new KnowledgeBaseVersion(rs.getObject("id", UUID.class), rs.getInt("version_number"),
				rs.getString("label"), DbTime.fromDb(rs, "imported_at"), rs.getString("imported_by"));
	}

}

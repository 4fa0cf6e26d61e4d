package io.rootcase.diagnosis;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import io.rootcase.shared.ConflictException;
import io.rootcase.shared.Ids;
import io.rootcase.shared.Texts;

/**
 * One diagnosis of one case against one knowledge base version: the answers gathered, the
 * steps skipped, and how it ended. Answers are kept whatever the ending: for an unknown
 * cause they are its characterisation.
 */
final class CaseDiagnosis {

	enum Status {

		IN_PROGRESS, CONFIRMED, UNKNOWN,
		/**
		 * Ended unknown, and an investigation found the cause later: the cause is kept,
		 * and when and by whom it was found.
		 */
		EXPLAINED

	}

	/** Where an answer came from. */
	enum Source {

		/** The agent asked, or ran the test, as proposed or chosen. */
		ASKED,
		/** The customer said it without being asked. */
		VOLUNTEERED,
		/** The case already held it (customer attribute, channel, contact reason). */
		CASE_FACT

	}

	record Answer(String question, String answer, Source source, Instant at, String by) {
	}

	private final UUID id;

	private final UUID caseId;

	private final UUID kbVersionId;

	private final Instant startedAt;

	private final String startedBy;

	private final int version;

	private final Map<String, Answer> answers;

	private final Set<String> skipped;

	private Status status;

	private String causeKey;

	private Instant finishedAt;

	private String finishedBy;

	private Instant explainedAt;

	private String explainedBy;

	CaseDiagnosis(UUID id, UUID caseId, UUID kbVersionId, Status status, Instant startedAt, String startedBy,
			Instant finishedAt, String finishedBy, String causeKey, Instant explainedAt, String explainedBy,
			int version, Map<String, Answer> answers, Set<String> skipped) {
		this.id = id;
		this.caseId = caseId;
		this.kbVersionId = kbVersionId;
		this.status = status;
		this.startedAt = startedAt;
		this.startedBy = startedBy;
		this.finishedAt = finishedAt;
		this.finishedBy = finishedBy;
		this.causeKey = causeKey;
		this.explainedAt = explainedAt;
		this.explainedBy = explainedBy;
		this.version = version;
		this.answers = new LinkedHashMap<>(answers);
		this.skipped = new LinkedHashSet<>(skipped);
	}

	static CaseDiagnosis start(UUID caseId, UUID kbVersionId, String by, Instant at) {
		return new CaseDiagnosis(Ids.next(), caseId, kbVersionId, Status.IN_PROGRESS, at, by, null, null, null, null,
				null, 0, Map.of(), Set.of());
	}

	/**
	 * Records an answer; a later answer to the same question replaces the earlier one.
	 */
	Answer answer(String question, String answer, Source source, String by, Instant at) {
		guardInProgress();
		Answer recorded = new Answer(question, answer, source, at, by);
		this.answers.put(question, recorded);
		this.skipped.remove(question);
		return recorded;
	}

	void skip(String question) {
		guardInProgress();
		if (this.answers.containsKey(question)) {
			throw new ConflictException("'" + question + "' is answered already");
		}
		this.skipped.add(question);
	}

	void confirm(String cause, String by, Instant at) {
		guardInProgress();
		this.status = Status.CONFIRMED;
		this.causeKey = cause;
		this.finishedAt = at;
		this.finishedBy = by;
	}

	void declareUnknown(String by, Instant at) {
		guardInProgress();
		this.status = Status.UNKNOWN;
		this.finishedAt = at;
		this.finishedBy = by;
	}

	/**
	 * An investigation found the cause this diagnosis could not: what the diagnosis
	 * gathered stays, and how it ended is kept with the finding.
	 */
	void explainedAs(String cause, String by, Instant at) {
		if (this.status != Status.UNKNOWN) {
			throw new ConflictException("only a diagnosis that ended unknown is explained later (this one is "
					+ Texts.words(this.status) + ")");
		}
		this.status = Status.EXPLAINED;
		this.causeKey = cause;
		this.explainedAt = at;
		this.explainedBy = by;
	}

	private void guardInProgress() {
		if (this.status != Status.IN_PROGRESS) {
			throw new ConflictException("this diagnosis has ended (" + Texts.words(this.status) + ")");
		}
	}

	Map<String, String> answerValues() {
		return values(source -> true);
	}

	/** What asking and testing found: the answers the case did not already hold. */
	Map<String, String> findings() {
		return values(source -> source != Source.CASE_FACT);
	}

	/** The answers the case already held (customer attributes, channel, reason). */
	Map<String, String> caseFacts() {
		return values(source -> source == Source.CASE_FACT);
	}

	private Map<String, String> values(Predicate<Source> from) {
		Map<String, String> values = new LinkedHashMap<>();
		this.answers.forEach((q, a) -> {
			if (from.test(a.source())) {
				values.put(q, a.answer());
			}
		});
		return values;
	}

	UUID id() {
		return this.id;
	}

	UUID caseId() {
		return this.caseId;
	}

	UUID kbVersionId() {
		return this.kbVersionId;
	}

	Status status() {
		return this.status;
	}

	Instant startedAt() {
		return this.startedAt;
	}

	String startedBy() {
		return this.startedBy;
	}

	Instant finishedAt() {
		return this.finishedAt;
	}

	String finishedBy() {
		return this.finishedBy;
	}

	String causeKey() {
		return this.causeKey;
	}

	Instant explainedAt() {
		return this.explainedAt;
	}

	String explainedBy() {
		return this.explainedBy;
	}

	int version() {
		return this.version;
	}

	Map<String, Answer> answers() {
		return java.util.Collections.unmodifiableMap(this.answers);
	}

	Set<String> skipped() {
		return java.util.Collections.unmodifiableSet(this.skipped);
	}

}

package io.rootcase.diagnosis;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.rootcase.cases.ActionKind;
import io.rootcase.cases.CaseNotFoundException;
import io.rootcase.cases.CaseStatus;
import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.cases.RootCauseState;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.customers.CustomerView;
import io.rootcase.diagnosis.CaseDiagnosis.Source;
import io.rootcase.diagnosis.DiagnosisEngine.Assessment;
import io.rootcase.diagnosis.DiagnosisEngine.Verdict;
import io.rootcase.diagnosis.KnowledgeBase.EvidenceSource;
import io.rootcase.diagnosis.KnowledgeBase.Question;
import io.rootcase.diagnosis.KnowledgeBase.RootCause;
import io.rootcase.shared.ConflictException;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The diagnosis module's API for cases: start a diagnosis, take answers, confirm a cause
 * or declare it unknown. Every answer also goes on the case as a diagnostic action, so
 * the customer's timeline shows what was asked and tested.
 */
@Service
public class Diagnoses {

	static final int RANKING_SIZE = 6;

	private final DiagnosisRepository repository;

	private final KnowledgeBases knowledgeBases;

	private final Cases cases;

	private final CustomerDirectory customers;

	private final Clock clock;

	Diagnoses(DiagnosisRepository repository, KnowledgeBases knowledgeBases, Cases cases, CustomerDirectory customers,
			Clock clock) {
		this.repository = repository;
		this.knowledgeBases = knowledgeBases;
		this.cases = cases;
		this.customers = customers;
		this.clock = clock;
	}

	/**
	 * Starts a diagnosis of the case with the current knowledge base, taking as answers
	 * what the case already holds; a diagnosis already in progress is returned as it is.
	 */
	@Transactional
	public DiagnosisView start(String caseReference, String actor) {
		return start(caseReference, actor, this.clock.instant());
	}

	/** Starts a diagnosis at a given time, as when history is brought in. */
	@Transactional
	public DiagnosisView start(String caseReference, String actor, Instant at) {
		CaseView target = caseOf(caseReference);
		Optional<CaseDiagnosis> running = this.repository.latestOfCase(target.id())
			.filter(d -> d.status() == CaseDiagnosis.Status.IN_PROGRESS);
		if (running.isPresent()) {
			return view(running.get());
		}
		KnowledgeBaseVersion kb = this.knowledgeBases.current()
			.orElseThrow(() -> new ConflictException("no knowledge base has been imported yet"));
		CaseDiagnosis diagnosis = CaseDiagnosis.start(target.id(), kb.id(), actor, at);
		this.repository.insert(diagnosis);
		DiagnosisEngine engine = this.knowledgeBases.engine(kb.id());
		CustomerView customer = this.customers.find(target.customerId()).orElseThrow();
		for (Question question : engine.knowledgeBase().questions()) {
			caseFact(question.source(), target, customer).filter(question.answers()::contains)
				.ifPresent(answer -> diagnosis.answer(question.key(), answer, Source.CASE_FACT, "case", at));
		}
		this.repository.update(diagnosis);
		return view(this.repository.latestOfCase(target.id()).orElseThrow());
	}

	private static Optional<String> caseFact(EvidenceSource source, CaseView target, CustomerView customer) {
		if (source == null) {
			return Optional.empty();
		}
		String value = switch (source.kind()) {
			case "attribute" -> customer.attributes().get(source.name());
			case "channel" -> target.channel().wireName();
			case "reason" -> target.contactReason();
			default -> null;
		};
		return Optional.ofNullable(value == null ? null : source.map().get(value));
	}

	@Transactional(readOnly = true)
	public Optional<DiagnosisView> current(String caseReference) {
		return this.repository.latestOfCase(caseOf(caseReference).id()).map(this::view);
	}

	/**
	 * Records an answer (to the proposed step, another one the agent chose, or one the
	 * customer volunteered) and puts it on the case as a diagnostic action.
	 */
	@Transactional
	public DiagnosisView answer(String caseReference, String questionKey, String answer, boolean volunteered,
			String actor) {
		return answer(caseReference, questionKey, answer, volunteered, actor, this.clock.instant());
	}

	/** Records an answer given at a given time, as when history is brought in. */
	@Transactional
	public DiagnosisView answer(String caseReference, String questionKey, String answer, boolean volunteered,
			String actor, Instant at) {
		CaseDiagnosis diagnosis = running(caseReference);
		Question question = question(diagnosis, questionKey);
		if (answer == null || !question.answers().contains(answer)) {
			throw InvalidRequestException.of("answer",
					"'" + answer + "' is not an answer to '" + questionKey + "'; answers: " + question.answers());
		}
		diagnosis.answer(questionKey, answer, volunteered ? Source.VOLUNTEERED : Source.ASKED, actor, at);
		this.repository.update(diagnosis);
		String what = volunteered ? "Customer said"
				: question.kind() == KnowledgeBase.QuestionKind.AGENT_TEST ? "Ran" : "Asked";
		this.cases.recordAction(caseReference, ActionKind.DIAGNOSTIC, what + ": " + question.text() + " → " + answer,
				volunteered ? 0 : question.minutes(), actor, at);
		return view(diagnosis);
	}

	@Transactional
	public DiagnosisView skip(String caseReference, String questionKey) {
		CaseDiagnosis diagnosis = running(caseReference);
		question(diagnosis, questionKey);
		diagnosis.skip(questionKey);
		this.repository.update(diagnosis);
		return view(diagnosis);
	}

	/**
	 * Confirms a cause: the case's root cause becomes known, with its fix and
	 * workarounds; or suspected, when the knowledge base holds the cause only as a
	 * suspicion (until an investigation establishes it, see {@link #recordKnownCause}).
	 */
	@Transactional
	public DiagnosisView confirm(String caseReference, String causeKey, String actor) {
		CaseDiagnosis diagnosis = running(caseReference);
		RootCause cause = this.knowledgeBases.engine(diagnosis.kbVersionId())
			.knowledgeBase()
			.cause(causeKey)
			.orElseThrow(() -> InvalidRequestException.of("cause",
					"no root cause '" + causeKey + "' in this knowledge base"));
		diagnosis.confirm(cause.key(), actor, this.clock.instant());
		this.repository.update(diagnosis);
		this.cases.recordRootCause(caseReference, suspected(cause) ? RootCauseState.SUSPECTED : RootCauseState.KNOWN,
				cause.key());
		return view(diagnosis);
	}

	/**
	 * Declares the cause unknown: the answers stay as the case's characterisation and the
	 * case joins the unknown-cause list for investigation.
	 */
	@Transactional
	public DiagnosisView declareUnknown(String caseReference, String actor) {
		return declareUnknown(caseReference, actor, this.clock.instant());
	}

	/** Declares the cause unknown at a given time, as when history is brought in. */
	@Transactional
	public DiagnosisView declareUnknown(String caseReference, String actor, Instant at) {
		CaseDiagnosis diagnosis = running(caseReference);
		diagnosis.declareUnknown(actor, at);
		this.repository.update(diagnosis);
		this.cases.recordRootCause(caseReference, RootCauseState.UNKNOWN, null, at);
		return view(diagnosis);
	}

	/**
	 * What recording a known cause did.
	 *
	 * @param version the knowledge-base version that holds the cause
	 * @param explained the cases whose diagnoses had ended unknown and that the cause
	 * explains now
	 */
	public record KnownCauseRecorded(KnowledgeBaseVersion version, List<String> explained) {
	}

	/**
	 * Records a cause an investigation found (a problem's root cause, a group of
	 * unexplained cases adopted as a cause) as known in the knowledge base. Of the cases
	 * the investigation covered, those whose latest diagnosis ended unknown are explained
	 * by it: their characterisations tell a new cause's answers, so the next case like
	 * them is diagnosed to it; their diagnoses count as confirmed to it for learning;
	 * they leave the unknown-cause list; and those not closed take it as their known root
	 * cause (a closed case keeps the finding it was closed with). Cases diagnosed to the
	 * cause while it was only suspected have it as known root cause from now on. Empty
	 * while there is no knowledge base.
	 */
	@Transactional
	public Optional<KnownCauseRecorded> recordKnownCause(KnowledgeBases.KnownCause cause, Collection<UUID> covered,
			String actor) {
		List<CaseDiagnosis> unknown = this.repository.unknownOf(covered);
		Optional<KnowledgeBaseVersion> version = this.knowledgeBases.recordKnownCause(cause,
				unknown.stream().map(CaseDiagnosis::answerValues).toList(), actor);
		if (version.isEmpty()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Map<UUID, CaseView> unexplained = this.cases.find(unknown.stream().map(CaseDiagnosis::caseId).toList());
		List<String> explained = new ArrayList<>();
		for (CaseDiagnosis diagnosis : unknown) {
			diagnosis.explainedAs(cause.key(), actor, now);
			this.repository.update(diagnosis);
			CaseView c = unexplained.get(diagnosis.caseId());
			explained.add(c.reference());
			if (c.status() != CaseStatus.CLOSED && c.rootCauseState() == RootCauseState.UNKNOWN) {
				this.cases.recordRootCause(c.reference(), RootCauseState.KNOWN, cause.key(), now);
			}
		}
		for (CaseView c : this.cases.find(this.cases.notClosedWithRootCause(RootCauseState.SUSPECTED, cause.key()))
			.values()) {
			this.cases.recordRootCause(c.reference(), RootCauseState.KNOWN, cause.key(), now);
		}
		return Optional.of(new KnownCauseRecorded(version.get(), explained));
	}

	/**
	 * Whether the knowledge base holds the cause only as a suspicion: as the current
	 * version says, which may have established it since the diagnosis began.
	 */
	private boolean suspected(RootCause cause) {
		return currentCause(cause.key()).orElse(cause).status() == KnowledgeBase.CauseStatus.SUSPECTED;
	}

	/** The cause as the current knowledge-base version holds it, if it does. */
	private Optional<RootCause> currentCause(String key) {
		return this.knowledgeBases.current().flatMap(current -> this.knowledgeBases.expert(current.id()).cause(key));
	}

	/**
	 * Cases whose cause was found to be unknown, latest first, with their
	 * characterisation.
	 */
	@Transactional(readOnly = true)
	public List<DiagnosisView> unknownCauses(int limit) {
		return this.repository.withStatus(CaseDiagnosis.Status.UNKNOWN, limit).stream().map(this::view).toList();
	}

	/**
	 * The cases whose cause is still unknown, grouped by similar findings, the biggest
	 * group first. Facts the cases already held (the customer's device, plan, the
	 * channel) are not what the diagnosis found: grouping on them would split one
	 * unexplained fault by router model, so they are shown as a spread over each group.
	 * @param limit how many of the latest unknown-cause cases to group
	 */
	@Transactional(readOnly = true)
	public List<UnknownCauseGroup> unknownCauseGroups(int limit) {
		List<CaseDiagnosis> unknown = this.repository.withStatus(CaseDiagnosis.Status.UNKNOWN, limit);
		// An answer that found nothing ("don't know") says nothing of the fault: two
		// cases
		// of one fault whose customers knew and did not know about their neighbours
		// belong
		// together.
		Map<UUID, KnowledgeBase> kbs = new HashMap<>();
		List<Map<String, String>> findings = unknown.stream()
			.map(d -> conclusive(d.findings(), kbs.computeIfAbsent(d.kbVersionId(), this.knowledgeBases::expert)))
			.toList();
		List<Characterisations.Group> groups = Characterisations.defaults().group(findings);
		return groups.stream().map(g -> {
			List<UnknownCauseGroup.Member> members = g.members()
				.stream()
				.map(unknown::get)
				.map(this::member)
				.flatMap(Optional::stream)
				.toList();
			KnowledgeBase kb = this.knowledgeBases.expert(unknown.get(g.members().get(0)).kbVersionId());
			List<UnknownCauseGroup.SharedAnswer> shared = g.shared()
				.entrySet()
				.stream()
				.map(e -> new UnknownCauseGroup.SharedAnswer(e.getKey(),
						kb.question(e.getKey()).map(Question::text).orElse(e.getKey()), e.getValue()))
				.toList();
			List<Map<String, String>> facts = g.members()
				.stream()
				.map(unknown::get)
				.map(CaseDiagnosis::caseFacts)
				.toList();
			boolean nothingFound = g.members().stream().allMatch(m -> findings.get(m).isEmpty());
			return new UnknownCauseGroup(shared, spread(facts, kb), nothingFound, members);
		}).filter(g -> !g.cases().isEmpty()).toList();
	}

	private static Map<String, String> conclusive(Map<String, String> findings, KnowledgeBase kb) {
		Map<String, String> kept = new LinkedHashMap<>();
		findings.forEach((question, answer) -> {
			if (kb.question(question).map(q -> q.conclusive(answer)).orElse(true)) {
				kept.put(question, answer);
			}
		});
		return kept;
	}

	private static List<UnknownCauseGroup.FactSpread> spread(List<Map<String, String>> facts, KnowledgeBase kb) {
		Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
		facts.forEach(f -> f.forEach((question, answer) -> counts.computeIfAbsent(question, q -> new LinkedHashMap<>())
			.merge(answer, 1, Integer::sum)));
		return counts.entrySet()
			.stream()
			.map(e -> new UnknownCauseGroup.FactSpread(e.getKey(),
					kb.question(e.getKey()).map(Question::text).orElse(e.getKey()),
					e.getValue()
						.entrySet()
						.stream()
						.map(c -> new UnknownCauseGroup.Count(c.getKey(), c.getValue()))
						.sorted(Comparator.comparingInt(UnknownCauseGroup.Count::cases)
							.reversed()
							.thenComparing(UnknownCauseGroup.Count::answer))
						.toList()))
			.toList();
	}

	private Optional<UnknownCauseGroup.Member> member(CaseDiagnosis d) {
		KnowledgeBase kb = this.knowledgeBases.expert(d.kbVersionId());
		return this.cases.find(d.caseId())
			.map(c -> new UnknownCauseGroup.Member(c.id(), c.reference(), c.subject(), d.finishedAt(), d.finishedBy(),
					steps(d, kb)));
	}

	private static List<DiagnosisView.Step> steps(CaseDiagnosis d, KnowledgeBase kb) {
		return d.answers()
			.values()
			.stream()
			.map(a -> new DiagnosisView.Step(a.question(),
					kb.question(a.question()).map(Question::text).orElse(a.question()), a.answer(), label(a.source()),
					a.at(), a.by()))
			.toList();
	}

	/** Every step of the knowledge base a diagnosis uses, for choosing another one. */
	@Transactional(readOnly = true)
	public List<DiagnosisView.Choice> choices(String caseReference) {
		CaseDiagnosis diagnosis = this.repository.latestOfCase(caseOf(caseReference).id())
			.orElseThrow(() -> new NotFoundException("no diagnosis on case " + caseReference));
		return this.knowledgeBases.engine(diagnosis.kbVersionId())
			.knowledgeBase()
			.questions()
			.stream()
			.filter(q -> !diagnosis.answers().containsKey(q.key()))
			.map(q -> new DiagnosisView.Choice(q.key(), q.text(), label(q.kind()), q.minutes(), q.answers()))
			.toList();
	}

	private DiagnosisView view(CaseDiagnosis d) {
		DiagnosisEngine general = this.knowledgeBases.engine(d.kbVersionId());
		KnowledgeBase kb = general.knowledgeBase();
		DiagnosisView.CureThatDidNotHold doubt = this.cases.cureThatDidNotHold(d.caseId())
			.flatMap(cured -> kb.cause(cured.rootCauseKey())
				.map(cause -> new DiagnosisView.CureThatDidNotHold(cause.key(), cause.name(), cured.caseReference(),
						cured.curedAt(), Math.round(1 / DiagnosisEngine.CURE_DID_NOT_HOLD))))
			.orElse(null);
		DiagnosisEngine engine = doubt == null ? general : general.doubting(doubt.cause());
		int minutes = d.answers()
			.values()
			.stream()
			.filter(a -> a.source() == Source.ASKED)
			.mapToInt(a -> kb.question(a.question()).map(Question::minutes).orElse(0))
			.sum();
		Assessment assessment = engine.assess(d.answerValues(), minutes);
		List<DiagnosisView.RankedCause> ranking = assessment.ranking()
			.stream()
			.limit(RANKING_SIZE)
			.map(r -> new DiagnosisView.RankedCause(r.cause(),
					kb.cause(r.cause()).map(RootCause::name).orElse("Another cause, not yet known"), r.probability()))
			.toList();
		DiagnosisView.NextStep next = null;
		if (d.status() == CaseDiagnosis.Status.IN_PROGRESS && assessment.verdict() == Verdict.CONTINUE) {
			next = engine.next(d.answerValues(), d.skipped())
				.map(p -> new DiagnosisView.NextStep(p.question().key(), p.question().text(),
						label(p.question().kind()), p.question().minutes(), p.question().answers(), p.why()))
				.orElse(null);
		}
		List<DiagnosisView.Step> steps = steps(d, kb);
		// A cause found later by an investigation is in a later version.
		DiagnosisView.Finding finding = d.causeKey() == null ? null : kb.cause(d.causeKey())
			.or(() -> currentCause(d.causeKey()))
			.map(c -> new DiagnosisView.Finding(c.key(), c.name(), c.team(), c.fix(), c.workarounds(), suspected(c)))
			.orElse(null);
		KnowledgeBaseVersion version = this.knowledgeBases.version(d.kbVersionId());
		return new DiagnosisView(d.id(), d.caseId(), label(d.status()), version.number(), version.label(),
				label(assessment.verdict()), assessment.reason(), ranking, next, steps, List.copyOf(d.skipped()),
				finding, doubt, d.startedAt(), d.finishedAt(), d.explainedAt(), d.explainedBy());
	}

	private CaseDiagnosis running(String caseReference) {
		CaseDiagnosis diagnosis = this.repository.latestOfCase(caseOf(caseReference).id())
			.orElseThrow(() -> new NotFoundException("no diagnosis on case " + caseReference + "; start one"));
		if (diagnosis.status() != CaseDiagnosis.Status.IN_PROGRESS) {
			throw new ConflictException("the diagnosis of " + caseReference + " has ended (" + label(diagnosis.status())
					+ "); start a new one");
		}
		return diagnosis;
	}

	private Question question(CaseDiagnosis diagnosis, String key) {
		return this.knowledgeBases.engine(diagnosis.kbVersionId())
			.knowledgeBase()
			.question(key)
			.orElseThrow(
					() -> InvalidRequestException.of("question", "no question '" + key + "' in this knowledge base"));
	}

	private CaseView caseOf(String reference) {
		return this.cases.find(reference).orElseThrow(() -> new CaseNotFoundException(reference));
	}

	private static String label(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}

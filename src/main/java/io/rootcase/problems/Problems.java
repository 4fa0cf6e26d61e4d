package io.rootcase.problems;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.rootcase.cases.CaseStatus;
import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.diagnosis.Diagnoses;
import io.rootcase.diagnosis.KnowledgeBases;
import io.rootcase.resolution.Resolutions;
import io.rootcase.shared.ConflictException;
import io.rootcase.shared.Dates;
import io.rootcase.shared.ForbiddenException;
import io.rootcase.shared.Ids;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.shared.Limits;
import io.rootcase.shared.NotFoundException;
import io.rootcase.shared.Texts;
import io.rootcase.staff.Agent;
import io.rootcase.staff.Role;
import io.rootcase.staff.Staff;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Problems: opened, described, moved through their workflow, linked to cases and
 * verified. Only managers and the owning team change a problem; any agent may link cases
 * to it.
 */
@Service
public class Problems {

	/** The data cannot speak for a fix before it has been out this long. */
	private static final Duration MIN_OBSERVATION = Duration.ofDays(1);

	/**
	 * The newest unverified problems ranked; an organisation with more open problems than
	 * this has a backlog no ranking helps with.
	 */
	private static final int MAX_RANKED = 500;

	private final ProblemRepository problems;

	private final AnalysisRepository analyses;

	private final ImpactQueries impacts;

	private final Resolutions resolutions;

	private final Diagnoses diagnoses;

	private final Cases cases;

	private final Staff staff;

	private final Clock clock;

	private final Duration lookback;

	private final double alpha;

	Problems(ProblemRepository problems, AnalysisRepository analyses, ImpactQueries impacts, Resolutions resolutions,
			Diagnoses diagnoses, Cases cases, Staff staff, Clock clock,
			@Value("${rootcase.problems.verification.lookback:P28D}") Duration lookback,
			@Value("${rootcase.problems.verification.alpha:0.05}") double alpha) {
		this.problems = problems;
		this.analyses = analyses;
		this.impacts = impacts;
		this.resolutions = resolutions;
		this.diagnoses = diagnoses;
		this.cases = cases;
		this.staff = staff;
		this.clock = clock;
		this.lookback = lookback;
		this.alpha = alpha;
	}

	/** Who acts: a user or API token, and whether they have the manager role. */
	public record Actor(String name, boolean manager) {

		/** The signed-in user or API token, a manager when granted the manager role. */
		public static Actor of(Authentication who) {
			String managerRole = "ROLE_" + Role.MANAGER.name();
			return new Actor(who.getName(),
					who.getAuthorities().stream().anyMatch(a -> managerRole.equals(a.getAuthority())));
		}

	}

	/** What a problem says; also what changes it. */
	public record ProblemForm(String title, String description, String team, String owner, String rootCauseKey,
			String rootCauseText, String reasonKey, String workaround, String fixPlan, LocalDate fixTargetDate,
			String segment) {

		Problem.Details details() {
			return new Problem.Details(this.title, this.description, this.team, this.owner, this.rootCauseKey,
					this.rootCauseText, this.reasonKey, this.workaround, this.fixPlan, this.fixTargetDate,
					this.segment);
		}

	}

	@Transactional
	public ProblemView open(ProblemForm form, Actor actor) {
		return open(form, actor, now());
	}

	/** Opens a problem and links the named cases, all or nothing. */
	@Transactional
	public ProblemView open(ProblemForm form, List<String> caseReferences, Actor actor) {
		ProblemView problem = open(form, actor);
		if (caseReferences != null && !caseReferences.isEmpty()) {
			link(problem.reference(), caseReferences);
		}
		return problem;
	}

	/** Opens a problem at a given time, as when history is brought in. */
	@Transactional
	public ProblemView open(ProblemForm form, Actor actor, Instant at) {
		Problem.Details details = form.details();
		Dates.requirePlanned("fixTargetDate", details.fixTargetDate(), LocalDate.ofInstant(at, this.clock.getZone()),
				"a fix's target date");
		requireTeam(details.team());
		requireMayChange(details.team(), actor);
		return ProblemView.of(this.problems.insert(Problem.open(Ids.next(), details, actor.name(), at)));
	}

	/**
	 * Opens a problem for the cases behind it (a surge, a group of alike cases) and links
	 * them, all in one: see {@link #linkUnlinked}.
	 */
	@Transactional
	public ProblemView openFor(ProblemForm form, List<CaseView> cases, Actor actor) {
		ProblemView problem = open(form, actor);
		linkUnlinked(problem.reference(), cases);
		return problem;
	}

	/**
	 * Links those of the cases no other problem holds: a case belongs to one problem, and
	 * {@link #link} refuses the whole list when one is held elsewhere, where a group of
	 * cases found together should still bring the rest.
	 * @return how many were linked now
	 */
	@Transactional
	public int linkUnlinked(String reference, List<CaseView> cases) {
		UUID problemId = load(reference).id();
		List<String> references = cases.stream()
			.filter(c -> c.problemId() == null || c.problemId().equals(problemId))
			.map(CaseView::reference)
			.toList();
		return references.isEmpty() ? 0 : this.cases.linkToProblem(problemId, references);
	}

	@Transactional(readOnly = true)
	public ProblemView get(String reference) {
		return ProblemView.of(load(reference));
	}

	/**
	 * A problem that the actor may act for, e.g. towards its customers: a manager, or an
	 * agent of its team.
	 * @throws ForbiddenException for anyone else
	 */
	@Transactional(readOnly = true)
	public ProblemView getToActFor(String reference, Actor actor) {
		Problem problem = load(reference);
		requireMayChange(problem.details().team(), actor);
		return ProblemView.of(problem);
	}

	@Transactional(readOnly = true)
	public List<ProblemView> list(String team, ProblemStatus status, int limit) {
		return this.problems.list(team, status, limit).stream().map(ProblemView::of).toList();
	}

	@Transactional(readOnly = true)
	public List<ProblemHistory> history(String reference) {
		return this.problems.history(load(reference).id());
	}

	@Transactional
	public ProblemView describe(String reference, ProblemForm form, Actor actor) {
		Problem problem = load(reference);
		requireMayChange(problem.details().team(), actor);
		Problem.Details details = form.details();
		Dates.requirePlanned("fixTargetDate", details.fixTargetDate(), today(), "a fix's target date");
		requireTeam(details.team());
		problem.describe(details);
		this.problems.update(problem);
		return get(reference);
	}

	@Transactional
	public ProblemView moveTo(String reference, ProblemStatus target, String reason, Actor actor) {
		return moveTo(reference, target, reason, actor, now());
	}

	/**
	 * A step taken at a given time, for histories brought in from elsewhere (and the
	 * demo).
	 */
	@Transactional
	public ProblemView moveTo(String reference, ProblemStatus target, String reason, Actor actor, Instant at) {
		if (at.isAfter(now())) {
			throw InvalidRequestException.of("at", "a step cannot be taken in the future");
		}
		Problem problem = load(reference);
		requireMayChange(problem.details().team(), actor);
		problem.moveTo(target, actor.name(), reason, at);
		if (target == ProblemStatus.ROOT_CAUSE_KNOWN) {
			teachKnowledgeBase(problem, actor);
		}
		this.problems.update(problem);
		return get(reference);
	}

	/** Links cases by reference, all or none; any agent may. */
	@Transactional
	public int link(String reference, List<String> caseReferences) {
		if (caseReferences == null || caseReferences.isEmpty()) {
			throw InvalidRequestException.of("caseReferences", "name at least one case");
		}
		return this.cases.linkToProblem(load(reference).id(), caseReferences);
	}

	/** Links every unlinked case opened in the period with the root cause or reason. */
	@Transactional
	public int linkMatching(String reference, String rootCauseKey, String reasonKey, Instant from, Instant to,
			Actor actor) {
		Problem problem = load(reference);
		requireMayChange(problem.details().team(), actor);
		if (from == null || to == null || !from.isBefore(to)) {
			throw InvalidRequestException.of("from", "give a period: from before to");
		}
		return this.cases.linkMatchingToProblem(problem.id(), Texts.blankToNull(rootCauseKey),
				Texts.blankToNull(reasonKey), from, to);
	}

	@Transactional
	public void unlink(String reference, String caseReference, Actor actor) {
		Problem problem = load(reference);
		requireMayChange(problem.details().team(), actor);
		this.cases.unlinkFromProblem(problem.id(), caseReference);
	}

	/** A page of the problem's cases, the latest opened first, and how many it has. */
	public record LinkedCases(List<CaseView> page, long total) {
	}

	@Transactional(readOnly = true)
	public LinkedCases cases(String reference, int limit, long offset) {
		UUID problemId = load(reference).id();
		return new LinkedCases(this.cases.ofProblem(problemId, limit, Limits.offset(offset)),
				this.cases.countOfProblem(problemId));
	}

	/**
	 * The verification so far, for showing beside the problem: empty until the fix is
	 * deployed and some time has been observed since.
	 */
	@Transactional(readOnly = true)
	public Optional<FixVerification> verificationSoFar(String reference) {
		Problem problem = load(reference);
		return problem.fixDeployedAt() == null || !problem.fixDeployedAt().isBefore(now()) ? Optional.empty()
				: Optional.of(verification(problem));
	}

	/**
	 * Matching cases before and since the fix was deployed; empty before it is, refused
	 * while no time has passed since.
	 */
	@Transactional(readOnly = true)
	public Optional<FixVerification> verification(String reference) {
		Problem problem = load(reference);
		return problem.fixDeployedAt() == null ? Optional.empty() : Optional.of(verification(problem));
	}

	/**
	 * Marks the fix verified: by the data when matching cases dropped significantly, or
	 * by a manager who gives a reason.
	 */
	@Transactional
	public ProblemView verify(String reference, String managersReason, Actor actor) {
		Problem problem = load(reference);
		requireMayChange(problem.details().team(), actor);
		if (problem.fixDeployedAt() == null) {
			throw new ConflictException("only a deployed fix can be verified");
		}
		String note;
		if (managersReason != null && !managersReason.isBlank()) {
			if (!actor.manager()) {
				throw new ForbiddenException("only a manager may verify a fix without the data showing it");
			}
			// The note keeps who vouched before the reason, within the note's 2 000
			// characters.
			InvalidRequestException.requireAtMost("reason", managersReason.strip(), 1900, "a reason");
			note = "verified by " + actor.name() + ": " + managersReason.strip();
		}
		else {
			if (Duration.between(problem.fixDeployedAt(), now()).compareTo(MIN_OBSERVATION) < 0) {
				throw InvalidRequestException.of("verification",
						"there is no observation period after the fix yet: observe at least a day of contacts");
			}
			FixVerification v = verification(problem);
			if (!v.significantDrop()) {
				throw new ConflictException(String.format(
						"matching cases have not dropped significantly (%d in %.0f days before, %d in %.1f days after, p = %.3f)",
						v.before(), v.daysBefore(), v.after(), v.daysAfter(), v.pValue()));
			}
			note = String.format("matching cases fell from %.2f to %.2f a day (p = %.4f)", v.rateBefore(),
					v.rateAfter(), v.pValue());
		}
		problem.verify(actor.name(), note, now());
		this.problems.update(problem);
		return get(reference);
	}

	/**
	 * The problems not yet verified that a case matches by its root cause or contact
	 * reason, the latest first: its agent sees a known error's workaround before the case
	 * is linked, and the problems it may belong to.
	 */
	@Transactional(readOnly = true)
	public List<ProblemView> openMatching(String rootCauseKey, String reasonKey) {
		if (rootCauseKey == null && reasonKey == null) {
			return List.of();
		}
		return this.problems.openMatching(rootCauseKey, reasonKey).stream().map(ProblemView::of).toList();
	}

	/** What proposing a resolution on every linked open case did. */
	public record ResolveAllResult(List<String> proposed, List<String> failed) {
	}

	/**
	 * Proposes a resolution, with one message, on every linked case still open: each
	 * customer still confirms their own. Each case is proposed on its own, so one that
	 * cannot be leaves the others proposed.
	 */
	public ResolveAllResult resolveAll(String reference, String note, Actor actor) {
		Problem problem = load(reference);
		requireMayChange(problem.details().team(), actor);
		if (!problem.status().isKnownError()) {
			throw new ConflictException("resolve the cases once the root cause is known");
		}
		if (note == null || note.isBlank()) {
			throw InvalidRequestException.of("note", "say what was done, in words the customers understand");
		}
		List<String> proposed = new java.util.ArrayList<>();
		List<String> failed = new java.util.ArrayList<>();
		for (CaseView c : this.cases.ofProblem(problem.id(), 10_000)) {
			if (c.status() == CaseStatus.NEW || c.status() == CaseStatus.OPEN
					|| c.status() == CaseStatus.WAITING_ON_CUSTOMER) {
				try {
					this.resolutions.propose(c.reference(), note, actor.name());
					proposed.add(c.reference());
				}
				catch (RuntimeException ex) {
					failed.add(c.reference() + ": " + ex.getMessage());
				}
			}
		}
		return new ResolveAllResult(proposed, failed);
	}

	@Transactional(readOnly = true)
	public RootCauseAnalysis analysis(String reference) {
		return this.analyses.analysis(load(reference).id());
	}

	/** Replaces the problem's blameless root-cause analysis. */
	@Transactional
	public RootCauseAnalysis saveAnalysis(String reference, RootCauseAnalysis analysis, Actor actor) {
		Problem problem = load(reference);
		requireMayChange(problem.details().team(), actor);
		this.analyses.saveAnalysis(problem.id(), analysis == null ? RootCauseAnalysis.empty() : analysis);
		return this.analyses.analysis(problem.id());
	}

	/** What a team will do so the cause does not come back. */
	public record ActionItemForm(String title, String ownerTeam, String owner, LocalDate due) {
	}

	@Transactional
	public ActionItemView planActionItem(String reference, ActionItemForm form, Actor actor) {
		Problem problem = load(reference);
		requireMayChange(problem.details().team(), actor);
		if (form.ownerTeam() != null && !form.ownerTeam().isBlank()) {
			requireTeam(form.ownerTeam());
		}
		ActionItem item = ActionItem.plan(Ids.next(), problem.id(), form.title(), form.ownerTeam(), form.owner(),
				form.due(), actor.name(), now());
		this.analyses.insert(item);
		return item.view(ProblemView.of(problem).reference(), today());
	}

	/**
	 * Closes an action item as done or cancelled: managers, the problem's or the item's
	 * team.
	 */
	@Transactional
	public ActionItemView closeActionItem(UUID id, ActionItemStatus outcome, Actor actor) {
		ActionItem item = this.analyses.actionItem(id)
			.orElseThrow(() -> new NotFoundException("there is no action item " + id));
		Problem problem = load(item.problemId().toString());
		if (!actor.manager() && !inTeam(actor, problem.details().team()) && !inTeam(actor, item.ownerTeam())) {
			throw new ForbiddenException("only managers, the problem's team and the item's team close it");
		}
		item.close(outcome, now());
		this.analyses.update(item);
		return item.view(ProblemView.of(problem).reference(), today());
	}

	@Transactional(readOnly = true)
	public List<ActionItemView> actionItems(String reference) {
		Problem problem = load(reference);
		String ref = ProblemView.of(problem).reference();
		return this.analyses.actionItemsOf(problem.id()).stream().map(i -> i.view(ref, today())).toList();
	}

	@Transactional(readOnly = true)
	public ProblemImpact impact(String reference) {
		return this.impacts.of(load(reference).id());
	}

	/** A problem with its impact, for ranking by cost. */
	public record RankedProblem(ProblemView problem, ProblemImpact impact) {
	}

	/**
	 * What a team sees: its problems not yet verified, costliest first, and its open
	 * action items, soonest due first (overdue ones flagged).
	 */
	public record TeamView(String team, List<RankedProblem> problems, List<ActionItemView> actionItems) {
	}

	@Transactional(readOnly = true)
	public TeamView teamView(String team) {
		List<RankedProblem> ranked = byCost(team);
		// Most action items belong to the ranked problems; the others (of problems
		// verified since) are looked up once each.
		Map<UUID, String> references = new HashMap<>();
		ranked.forEach(r -> references.put(r.problem().id(), r.problem().reference()));
		List<ActionItemView> items = this.analyses.openActionItemsOfTeam(team)
			.stream()
			.map(i -> i.view(references.computeIfAbsent(i.problemId(),
					id -> this.problems.find(id.toString()).map(p -> ProblemView.of(p).reference()).orElse(null)),
					today()))
			.toList();
		return new TeamView(team, ranked, items);
	}

	/**
	 * Problems whose fix is not verified yet, costliest first, of one team or of all
	 * (null): what hurts most across the organisation.
	 */
	@Transactional(readOnly = true)
	public List<RankedProblem> byCost(String team) {
		if (team != null) {
			requireTeam(team);
		}
		List<Problem> open = this.problems.unverified(team, MAX_RANKED);
		Map<UUID, ProblemImpact> impacts = this.impacts.of(open.stream().map(Problem::id).toList());
		return open.stream()
			.map(p -> new RankedProblem(ProblemView.of(p), impacts.get(p.id())))
			.sorted(Comparator.comparingDouble((RankedProblem r) -> r.impact().cost()).reversed())
			.toList();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(now(), this.clock.getZone());
	}

	private boolean inTeam(Actor actor, String team) {
		return this.staff.agent(actor.name()).map(Agent::team).filter(team::equals).isPresent();
	}

	private FixVerification verification(Problem problem) {
		Instant deployed = problem.fixDeployedAt();
		Instant now = now();
		Problem.Details d = problem.details();
		long before = this.cases.countOpenedMatching(deployed.minus(this.lookback), deployed, problem.id(),
				d.rootCauseKey(), d.reasonKey(), d.segmentAttribute(), d.segmentValue());
		long after = this.cases.countOpenedMatching(deployed, now, problem.id(), d.rootCauseKey(), d.reasonKey(),
				d.segmentAttribute(), d.segmentValue());
		return FixVerification.of(before, days(this.lookback), after, days(Duration.between(deployed, now)),
				this.alpha);
	}

	/**
	 * The root cause becomes a known cause of the knowledge base, so diagnosis finds it
	 * from now on; a root cause known only in words gets a key there and the problem
	 * takes it. The linked cases whose diagnoses ended unknown are explained by it, and
	 * tell a new cause's answers (see {@link Diagnoses#recordKnownCause}).
	 */
	private void teachKnowledgeBase(Problem problem, Actor actor) {
		Problem.Details d = problem.details();
		String key = problem.knowledgeBaseKey();
		List<UUID> linked = this.cases.ofProblem(problem.id(), Integer.MAX_VALUE).stream().map(CaseView::id).toList();
		boolean recorded = this.diagnoses
			.recordKnownCause(new KnowledgeBases.KnownCause(key, d.title(),
					d.rootCauseText() != null ? d.rootCauseText() : d.description(), d.team(), d.fixPlan(),
					d.workaround()), linked, actor.name())
			.isPresent();
		if (recorded && !key.equals(d.rootCauseKey())) {
			problem.rootCauseRecordedAs(key);
		}
	}

	private static double days(Duration duration) {
		return duration.toNanos() / (double) Duration.ofDays(1).toNanos();
	}

	private void requireMayChange(String team, Actor actor) {
		if (actor.manager()) {
			return;
		}
		if (!inTeam(actor, team)) {
			throw new ForbiddenException(
					"only managers and the " + team + " team change this problem; agents may link cases to it");
		}
	}

	private void requireTeam(String team) {
		if (this.staff.team(team).isEmpty()) {
			throw InvalidRequestException.of("team", "there is no team " + Texts.quoted(team));
		}
	}

	private Problem load(String reference) {
		return this.problems.find(reference)
			.orElseThrow(() -> new NotFoundException("there is no problem " + reference));
	}

	private Instant now() {
		return this.clock.instant();
	}

}

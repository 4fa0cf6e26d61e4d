package io.rootcase.trends;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.cases.ReasonSource;
import io.rootcase.diagnosis.Diagnoses;
import io.rootcase.diagnosis.KnowledgeBases;
import io.rootcase.problems.ProblemView;
import io.rootcase.problems.Problems;
import io.rootcase.reasons.ContactReasons;
import io.rootcase.reasons.LabelledExample;
import io.rootcase.reasons.ReasonTaxonomy;
import io.rootcase.reasons.ReasonView;
import io.rootcase.shared.ConflictException;
import io.rootcase.shared.ForbiddenException;
import io.rootcase.shared.Ids;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.shared.NotFoundException;
import io.rootcase.shared.Texts;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emerging problems: the cases nobody can explain yet (no contact reason fits, or the
 * diagnosis found the root cause unknown), grouped by what their messages mean, so a
 * manager sees "forty people this week say the app logs them out after the update" rather
 * than forty unrelated mysteries, and turns the group into a new contact reason, root
 * cause or problem.
 */
@Service
public class EmergingProblems {

	/** The most unexplained cases clustered in one run: HDBSCAN* is quadratic in them. */
	private static final int MAX_CASES = 3000;

	/**
	 * Explained cases clustered with them as background, per unexplained case: enough for
	 * structure, few enough that the background's own topics are sparser than a new
	 * problem's.
	 */
	private static final int BACKGROUND_PER_CASE = 3;

	private static final Duration WEEK = Duration.ofDays(7);

	private final ClusterRepository clusters;

	private final ContactReasons reasons;

	private final ReasonTaxonomy taxonomy;

	private final Diagnoses diagnoses;

	private final Problems problems;

	private final Cases cases;

	private final TrendSettings settings;

	private final Clock clock;

	EmergingProblems(ClusterRepository clusters, ContactReasons reasons, ReasonTaxonomy taxonomy, Diagnoses diagnoses,
			Problems problems, Cases cases, TrendSettings settings, Clock clock) {
		this.clusters = clusters;
		this.reasons = reasons;
		this.taxonomy = taxonomy;
		this.diagnoses = diagnoses;
		this.problems = problems;
		this.cases = cases;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Clusters the unexplained cases again, replacing the groups proposed last time.
	 * @return the groups proposed
	 */
	@Transactional
	public List<EmergingCluster> find() {
		Instant now = this.clock.instant();
		Instant since = now.minus(this.settings.clusterLookback());
		Set<UUID> unexplained = new HashSet<>(this.clusters.unexplainedCases(since, MAX_CASES));
		List<UUID> ids = new ArrayList<>(unexplained);
		ids.addAll(this.clusters.explainedCases(since, BACKGROUND_PER_CASE * unexplained.size()));
		List<ContactReasons.CaseMeaning> meanings = this.reasons.meanings(ids);
		boolean[] asked = new boolean[meanings.size()];
		for (int i = 0; i < asked.length; i++) {
			asked[i] = unexplained.contains(meanings.get(i).caseId());
		}
		this.clusters.deleteProposed();
		List<MeaningClusters.Cluster> found = MeaningClusters.find(
				meanings.stream().map(ContactReasons.CaseMeaning::vector).toList(),
				meanings.stream().map(ContactReasons.CaseMeaning::text).toList(), asked,
				this.settings.minClusterSize());
		return found.stream().map(group -> {
			List<UUID> members = group.members().stream().map(i -> meanings.get(i).caseId()).toList();
			int lastWeek = 0;
			int weekBefore = 0;
			for (UUID id : members) {
				Instant opened = this.cases.find(id).map(CaseView::openedAt).orElse(Instant.EPOCH);
				if (!opened.isBefore(now.minus(WEEK))) {
					lastWeek++;
				}
				else if (!opened.isBefore(now.minus(WEEK.multipliedBy(2)))) {
					weekBefore++;
				}
			}
			Map<UUID, String> representatives = new LinkedHashMap<>();
			group.representatives().forEach(i -> representatives.put(meanings.get(i).caseId(), meanings.get(i).text()));
			EmergingCluster cluster = new EmergingCluster(Ids.next(), now, ClusterState.PROPOSED, members.size(),
					lastWeek, weekBefore, group.terms(), List.copyOf(representatives.values()), null, null, null);
			this.clusters.insert(new ClusterRepository.Found(cluster, members, representatives));
			return cluster;
		}).toList();
	}

	@Transactional(readOnly = true)
	public List<EmergingCluster> list(ClusterState state, int limit) {
		return this.clusters.inState(state, Math.clamp(limit, 1, 200));
	}

	@Transactional(readOnly = true)
	public EmergingCluster get(UUID id) {
		return this.clusters.find(id).orElseThrow(() -> new NotFoundException("no emerging problem " + id));
	}

	@Transactional(readOnly = true)
	public List<CaseView> cases(UUID id) {
		get(id);
		return this.clusters.cases(id).stream().map(this.cases::find).flatMap(Optional::stream).toList();
	}

	/**
	 * Makes the group a new contact reason: the reason is added, its cases take it, and
	 * their messages teach the classifier. A reason an agent chose stays; one the model
	 * predicted gives way, as the manager has read the group and the model did not know
	 * the reason yet.
	 */
	@Transactional
	public ReasonView adoptAsReason(UUID id, ReasonTaxonomy.Definition definition, Problems.Actor actor) {
		EmergingCluster cluster = requireProposed(id, actor);
		ReasonView reason = this.taxonomy.add(definition);
		List<CaseView> members = cases(id);
		for (CaseView kase : members) {
			if (kase.contactReasonSource() != ReasonSource.AGENT) {
				this.reasons.chooseCaseReason(kase.reference(), reason.key(), actor.name());
			}
		}
		this.reasons.addExamples(
				cluster.representatives().stream().map(text -> new LabelledExample(text, reason.key())).toList(),
				actor.name());
		adopted(cluster, "contact reason " + reason.key(), actor);
		return reason;
	}

	/**
	 * Makes the group a root cause in the knowledge base, for diagnosis to find: its
	 * cases whose diagnoses ended unknown are explained by it and tell its answers.
	 */
	@Transactional
	public String adoptAsRootCause(UUID id, KnowledgeBases.KnownCause cause, Problems.Actor actor) {
		EmergingCluster cluster = requireProposed(id, actor);
		if (Texts.blankToNull(cause.key()) == null || Texts.blankToNull(cause.name()) == null) {
			throw InvalidRequestException.of("key", "a root cause needs a key and a name");
		}
		if (this.diagnoses.recordKnownCause(cause, this.clusters.cases(id), actor.name()).isEmpty()) {
			throw new ConflictException("there is no knowledge base to add the root cause to; import one first");
		}
		adopted(cluster, "root cause " + cause.key(), actor);
		return cause.key();
	}

	/** Opens a problem for the group and links its cases. */
	@Transactional
	public ProblemView adoptAsProblem(UUID id, SurgeAlerts.NewProblem form, Problems.Actor actor) {
		EmergingCluster cluster = requireProposed(id, actor);
		String description = Texts.blankToNull(form.description()) != null ? form.description() : "Emerging problem of "
				+ cluster.size() + " unexplained cases about: " + String.join(", ", cluster.terms()) + ".";
		ProblemView problem = this.problems.openFor(new Problems.ProblemForm(form.title(), description, form.team(),
				form.owner(), null, null, null, null, null, null, null), cases(id), actor);
		adopted(cluster, "problem " + problem.reference(), actor);
		return problem;
	}

	@Transactional
	public void dismiss(UUID id, String reason, Problems.Actor actor) {
		EmergingCluster cluster = requireProposed(id, actor);
		String why = Texts.blankToNull(reason);
		if (why == null) {
			throw InvalidRequestException.of("reason", "say why the group is dismissed");
		}
		// The outcome column (200) holds "dismissed: " and the reason.
		InvalidRequestException.requireAtMost("reason", why, 180, "a reason");
		this.clusters.decide(cluster.id(), ClusterState.DISMISSED, "dismissed: " + why.strip(), actor.name(),
				this.clock.instant());
	}

	private void adopted(EmergingCluster cluster, String outcome, Problems.Actor actor) {
		this.clusters.decide(cluster.id(), ClusterState.ADOPTED, outcome, actor.name(), this.clock.instant());
	}

	private EmergingCluster requireProposed(UUID id, Problems.Actor actor) {
		if (!actor.manager()) {
			throw new ForbiddenException("only managers decide on emerging problems");
		}
		EmergingCluster cluster = this.clusters.findForUpdate(id)
			.orElseThrow(() -> new NotFoundException("no emerging problem " + id));
		if (cluster.state() != ClusterState.PROPOSED) {
			throw new ConflictException(
					"the emerging problem was already " + Texts.words(cluster.state()) + ": " + cluster.outcome());
		}
		return cluster;
	}

}

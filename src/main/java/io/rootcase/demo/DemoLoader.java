package io.rootcase.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.rootcase.cases.CaseStatus;
import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.cases.RootCauseState;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.customers.IdentityKind;
import io.rootcase.demo.DemoDataset.ActionStep;
import io.rootcase.demo.DemoDataset.ContactStep;
import io.rootcase.demo.DemoDataset.DemoAgent;
import io.rootcase.demo.DemoDataset.DemoCustomer;
import io.rootcase.demo.DemoDataset.HandoverStep;
import io.rootcase.demo.DemoDataset.ResolutionStep;
import io.rootcase.demo.DemoDataset.StatusStep;
import io.rootcase.demo.DemoDataset.Step;
import io.rootcase.demo.DemoDataset.UnknownCauseStep;
import io.rootcase.diagnosis.Diagnoses;
import io.rootcase.diagnosis.KnowledgeBases;
import io.rootcase.followups.FollowUpKind;
import io.rootcase.followups.FollowUpView;
import io.rootcase.followups.FollowUps;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactReceipt;
import io.rootcase.intake.IncomingContact;
import io.rootcase.notices.Notices;
import io.rootcase.problems.ProblemStatus;
import io.rootcase.problems.ProblemView;
import io.rootcase.problems.Problems;
import io.rootcase.problems.RootCauseAnalysis;
import io.rootcase.reasons.ContactReasons;
import io.rootcase.reasons.LabelledExample;
import io.rootcase.reasons.ModelStatus;
import io.rootcase.reasons.ModelVersion;
import io.rootcase.reasons.ReasonModels;
import io.rootcase.reasons.ReasonTaxonomy;
import io.rootcase.shared.Direction;
import io.rootcase.staff.ApiTokens;
import io.rootcase.staff.Role;
import io.rootcase.staff.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;

import org.springframework.stereotype.Service;

/**
 * Plays a {@link DemoDataset} into Rootcase through the modules' public services, exactly
 * as live traffic and agents would, so the demo exercises the real code paths.
 */
@Service
public class DemoLoader {

	private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

	/** Until a week before the history's end its agents kept up with follow-ups. */
	private static final Duration FOLLOW_UPS_KEPT_UP_FOR = Duration.ofDays(7);

	private final Staff staff;

	private final ApiTokens tokens;

	private final CustomerDirectory customers;

	private final ContactIntake intake;

	private final Cases cases;

	private final KnowledgeBases knowledgeBases;

	private final ReasonTaxonomy reasons;

	private final ContactReasons contactReasons;

	private final ReasonModels reasonModels;

	private final Problems problems;

	private final Diagnoses diagnoses;

	private final FollowUps followUps;

	private final Notices notices;

	DemoLoader(Staff staff, ApiTokens tokens, CustomerDirectory customers, ContactIntake intake, Cases cases,
			KnowledgeBases knowledgeBases, ReasonTaxonomy reasons, ContactReasons contactReasons,
			ReasonModels reasonModels, Problems problems, Diagnoses diagnoses, FollowUps followUps, Notices notices) {
		this.problems = problems;
		this.notices = notices;
		this.diagnoses = diagnoses;
		this.followUps = followUps;
		this.reasons = reasons;
		this.contactReasons = contactReasons;
		this.reasonModels = reasonModels;
		this.staff = staff;
		this.tokens = tokens;
		this.customers = customers;
		this.intake = intake;
		this.cases = cases;
		this.knowledgeBases = knowledgeBases;
	}

	/**
	 * The demo's knowledge base of Northwind Fibre's root causes
	 * (docs/knowledge-base.md).
	 */
	public static String demoKnowledgeBase() {
		try (var in = DemoLoader.class.getResourceAsStream("/diagnosis/demo-kb.yaml")) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** What a load did. */
	public record LoadReport(long contacts, long steps, long skipped, long millis) {
	}

	/** Creates the demo organisation: teams, agents and the published API token. */
	public void loadOrganisation() {
		DemoDataset.TEAMS.forEach((code, name) -> {
			if (this.staff.team(code).isEmpty()) {
				this.staff.addTeam(code, name);
			}
		});
		for (DemoAgent agent : DemoDataset.AGENTS) {
			if (this.staff.agent(agent.username()).isEmpty()) {
				this.staff.addAgent(agent.username(), agent.displayName(), agent.password(), Role.valueOf(agent.role()),
						agent.team());
			}
		}
		if (this.tokens.authenticate(DemoDataset.DEMO_API_TOKEN).isEmpty()) {
			this.tokens.register("demo integration", Role.MANAGER, DemoDataset.DEMO_API_TOKEN, "demo");
		}
		if (this.knowledgeBases.current().isEmpty()) {
			this.knowledgeBases.importFile(demoKnowledgeBase(), "demo");
		}
	}

	/**
	 * The demo's contact reasons, and a model trained on half of the history's inbound
	 * messages, as agents would have labelled them before: the other half is predicted as
	 * it arrives, so the demo shows real predictions, not remembered ones.
	 */
	public void loadReasons(DemoDataset dataset) {
		for (DemoCatalog.Reason reason : DemoCatalog.REASONS) {
			if (this.reasons.find(reason.key()).isEmpty()) {
				this.reasons.add(new ReasonTaxonomy.Definition(reason.key(), DemoCatalog.title(reason.key()),
						"Customers write, for example: \"" + reason.openings().get(0) + "\"", reason.team(), null));
			}
		}
		List<LabelledExample> labelled = new ArrayList<>();
		Iterator<Step> history = dataset.steps();
		long inbound = 0;
		while (history.hasNext()) {
			if (history.next() instanceof ContactStep c && c.direction() == Direction.INBOUND && c.reason() != null
					&& inbound++ % 2 == 0) {
				labelled.add(new LabelledExample(c.text(), c.reason()));
			}
		}
		this.contactReasons.addExamples(labelled, "demo");
		ModelVersion model = this.reasonModels.retrain("demo");
		if (model.status() == ModelStatus.REJECTED) {
			// A model that does not know the demo's reasons was live (a database that had
			// other reasons): the demo's history is predicted with the demo's model.
			model = this.reasonModels.activate(model.version());
		}
		log.info("Demo contact-reason model: {} examples, accuracy {} on held-out ones", model.examples(),
				model.accuracy());
	}

	/**
	 * Completes the follow-ups that fell due before the last week of the history, each by
	 * its owner two hours after it was due, with what the history says: the problem came
	 * back (a later case of the customer recurs it) or it held. The demo's agents kept up
	 * with their follow-ups until recently; three months of undone ones would make a list
	 * nobody could work from.
	 * @return how many were completed
	 */
	public int catchUpFollowUps(Instant now) {
		Instant keptUpUntil = now.minus(FOLLOW_UPS_KEPT_UP_FOR);
		int completed = 0;
		List<FollowUpView> due;
		do {
			due = this.followUps.open(null, keptUpUntil, 200);
			for (FollowUpView f : due) {
				Instant at = f.dueAt().plus(Duration.ofHours(2));
				this.followUps.complete(f.id(), outcome(f, at), false, f.owner(), at);
				completed++;
			}
		}
		while (!due.isEmpty());
		return completed;
	}

	private String outcome(FollowUpView f, Instant at) {
		if (f.kind() == FollowUpKind.UNKNOWN_CAUSE) {
			return "Looked again: still no known cause; the customer knows we are on it.";
		}
		UUID customer = this.cases.find(f.caseId()).orElseThrow().customerId();
		return this.cases.ofCustomer(customer)
			.stream()
			.filter(c -> f.caseId().equals(c.recurrenceOf()) && c.openedAt().isBefore(at))
			.findFirst()
			.map(c -> "Called the customer: the problem came back (" + c.reference() + ").")
			.orElse("Called the customer: it has held since.");
	}

	/**
	 * Problems in several states and teams: the billing surge under investigation with an
	 * overdue action item and its customers told, a tracking fix deployed three weeks ago
	 * that the data shows did not work, and a guide fix verified by a manager.
	 * @return the billing surge's problem
	 */
	public String loadProblems(Instant now) {
		Problems.Actor maria = new Problems.Actor("maria", true);
		Instant from = now.minus(Duration.ofDays(120));
		ProblemView surge = this.problems.open(
				new Problems.ProblemForm("Upgrades are charged twice",
						"Customers who changed plan this week see the old and the new price on one bill.", "finance",
						"dana", "billing_proration_bug", null, DemoCatalog.SURGE_REASON, null, null, null, null),
				maria, now.minus(Duration.ofDays(4)));
		this.problems.linkMatching(surge.reference(), "billing_proration_bug", DemoCatalog.SURGE_REASON, from, now,
				maria);
		this.problems.moveTo(surge.reference(), ProblemStatus.INVESTIGATING, "a surge of billing contacts", maria);
		this.problems.saveAnalysis(surge.reference(), new RootCauseAnalysis(List.of(
				new RootCauseAnalysis.Event(now.minus(Duration.ofDays(6)), "Price table updated for the new plans"),
				new RootCauseAnalysis.Event(now.minus(Duration.ofDays(5)), "First contacts about double charges")),
				List.of("Upgraded customers were charged twice", "Proration read both the old and the new price"),
				List.of(new RootCauseAnalysis.Factor(RootCauseAnalysis.FactorCategory.PROCESS,
						"Price changes are not announced to the billing team")),
				List.of("Support spotted the pattern on the first day")), maria);
		this.problems.planActionItem(surge.reference(),
				new Problems.ActionItemForm("Announce price table changes to billing", "finance", "dana",
						LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(2)),
				maria);
		// A demo history too short to leave an open case of the surge tells nobody.
		if (this.notices.audience(surge.reference()).total() > 0) {
			this.notices.publish(surge.reference(),
					"Some customers who changed plan this month were charged the old and the new price for the same days. "
							+ "We are correcting it and will credit the difference on your next bill; "
							+ "you do not need to contact us about it.",
					maria);
		}

		ProblemView tracking = this.problems
			.open(new Problems.ProblemForm("Tracking numbers point to the wrong courier",
					"Router deliveries show no tracking events.", "shipping", "erik", "courier_tracking_feed", null,
					"delivery_tracking", "Look the parcel up in the courier portal by order number",
					"Map the new courier feed format", null, null), maria, now.minus(Duration.ofDays(35)));
		this.problems.linkMatching(tracking.reference(), "courier_tracking_feed", "delivery_tracking", from, now,
				maria);
		deployFix(tracking.reference(), now.minus(Duration.ofDays(21)), maria);

		ProblemView guide = this.problems
			.open(new Problems.ProblemForm("Quick start guide shows a port that does not exist",
					"The leaflet tells customers to use a grey port.", "product", "farah", "setup_guide_error", null,
					"router_setup_instructions", "Use the yellow WAN port", "Reprint the leaflet", null, null), maria,
					now.minus(Duration.ofDays(62)));
		this.problems.linkMatching(guide.reference(), "setup_guide_error", "router_setup_instructions", from, now,
				maria);
		deployFix(guide.reference(), now.minus(Duration.ofDays(40)), maria);
		this.problems.verify(guide.reference(),
				"new leaflets ship since October; the remaining contacts come from old stock", maria);
		return surge.reference();
	}

	/** Takes a demo problem from new to a fix deployed at the given time. */
	private void deployFix(String problem, Instant deployed, Problems.Actor actor) {
		for (ProblemStatus step : List.of(ProblemStatus.INVESTIGATING, ProblemStatus.ROOT_CAUSE_KNOWN,
				ProblemStatus.FIX_IN_PROGRESS, ProblemStatus.FIX_DEPLOYED)) {
			this.problems.moveTo(problem, step, "demo history", actor, deployed);
		}
	}

	/** The agents who move a contact that joined another story's case. */
	private static final List<String> MOVERS = List.of("alice", "bruno", "chen");

	/** Plays the whole history. */
	public LoadReport loadHistory(DemoDataset dataset) {
		long began = System.nanoTime();
		Map<Long, String> storyCases = new HashMap<>();
		// What each story's case is about, as the story tells it (null: no known reason).
		Map<String, String> caseReasons = new HashMap<>();
		BitSet described = new BitSet();
		long contacts = 0;
		long steps = 0;
		long skipped = 0;
		Iterator<Step> history = dataset.steps();
		while (history.hasNext()) {
			Step step = history.next();
			steps++;
			if (!applyRetrying(dataset, step, storyCases, caseReasons, described)) {
				skipped++;
			}
			if (step instanceof ContactStep) {
				contacts++;
				if (contacts % 1000 == 0) {
					log.info("Demo data: {} contacts loaded", contacts);
				}
			}
			if (step.last()) {
				storyCases.remove(step.story());
			}
		}
		return new LoadReport(contacts, steps, skipped, (System.nanoTime() - began) / 1_000_000);
	}

	/**
	 * Plays a resolution step if the case is where the story expects it; a customer who
	 * came back meanwhile has moved the case on, and history stays as it happened.
	 */
	private boolean resolve(String caseReference, ResolutionStep x) {
		CaseView current = this.cases.find(caseReference).orElseThrow();
		boolean awaiting = current.status() == CaseStatus.AWAITING_CONFIRMATION;
		switch (x.what()) {
			case ROOT_CAUSE_FOUND -> {
				if (current.status() == CaseStatus.CLOSED) {
					return false;
				}
				this.cases.recordRootCause(caseReference, RootCauseState.KNOWN, x.text(), x.at());
			}
			case PROPOSED -> {
				if (!current.status().isActive() || awaiting) {
					return false;
				}
				this.cases.proposeResolution(caseReference, x.text(), x.actor(), x.at());
			}
			case CONFIRMED -> {
				if (!awaiting) {
					return false;
				}
				this.cases.confirmResolution(caseReference, x.at());
			}
			case REJECTED -> {
				if (!awaiting) {
					return false;
				}
				this.cases.rejectResolution(caseReference, x.text(), x.at());
			}
			case REMINDED -> {
				if (!awaiting || current.reminderSentAt() != null) {
					return false;
				}
				this.cases.confirmationReminderSent(caseReference, x.at());
			}
			case CLOSED_UNCONFIRMED -> {
				if (!awaiting) {
					return false;
				}
				this.cases.closeUnconfirmed(caseReference, x.at());
			}
		}
		return true;
	}

	/**
	 * Plays a step, again if a listener (a reason predicted, a recurrence linked) changed
	 * the case meanwhile, as an agent would reload and retry.
	 */
	private boolean applyRetrying(DemoDataset dataset, Step step, Map<Long, String> storyCases,
			Map<String, String> caseReasons, BitSet described) {
		for (int attempt = 1;; attempt++) {
			try {
				return apply(dataset, step, storyCases, caseReasons, described);
			}
			catch (OptimisticLockingFailureException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

	private boolean apply(DemoDataset dataset, Step step, Map<Long, String> storyCases, Map<String, String> caseReasons,
			BitSet described) {
		String caseReference = storyCases.get(step.story());
		switch (step) {
			case ContactStep c -> {
				DemoCustomer customer = dataset.customer(c.customer());
				ContactReceipt receipt = this.intake
					.receive(new IncomingContact(c.channel(), c.direction(), c.at(), c.text(), identities(customer),
							customer.name(), c.externalId(), c.onStoryCase() ? caseReference : null, c.author()));
				String storyCase = receipt.caseReference();
				if (caseReference == null && c.direction() == Direction.INBOUND && storyCases.containsValue(storyCase)
						&& !Objects.equals(caseReasons.get(storyCase), c.reason())) {
					// A new matter threaded onto the customer's case about another one (a
					// message the model could not read): the agent who read it moved it
					// as it came in. One on the same matter (the problem is back) stays.
					storyCase = this.intake
						.move(receipt.contactId(), null, "a different matter",
								MOVERS.get((int) (step.story() % MOVERS.size())), c.at())
						.caseReference();
				}
				if (storyCases.putIfAbsent(step.story(), storyCase) == null) {
					caseReasons.putIfAbsent(storyCase, c.reason());
				}
				if (!described.get(c.customer())) {
					this.customers.describe(receipt.customerId(), customer.attributes());
					described.set(c.customer());
				}
				return true;
			}
			case ActionStep a -> {
				if (this.cases.find(caseReference).orElseThrow().status() == CaseStatus.CLOSED) {
					return false;
				}
				// Agents of the demo's history repeated palliatives before Rootcase asked
				// them why; the reason says so wherever it happened.
				this.cases.recordAction(caseReference, a.kind(), a.description(), a.minutes(), a.causeKey(), null,
						"tried again while the cause was still unknown", a.actor(), a.at());
				return true;
			}
			case ResolutionStep x -> {
				return resolve(caseReference, x);
			}
			case UnknownCauseStep u -> {
				if (this.cases.find(caseReference).orElseThrow().status() == CaseStatus.CLOSED) {
					return false;
				}
				this.diagnoses.start(caseReference, u.actor(), u.at());
				u.answers()
					.forEach((question, answer) -> this.diagnoses.answer(caseReference, question, answer, false,
							u.actor(), u.at()));
				this.diagnoses.declareUnknown(caseReference, u.actor(), u.at());
				return true;
			}
			case HandoverStep h -> {
				CaseView current = this.cases.find(caseReference).orElseThrow();
				if (h.agent().equals(current.assignee()) || !current.status().isActive()) {
					return false;
				}
				this.cases.handOver(caseReference, h.team(), h.agent(), h.note(), h.actor(), h.at());
				return true;
			}
			case StatusStep s -> {
				CaseView current = this.cases.find(caseReference).orElseThrow();
				boolean applies = s.from() == null ? current.status().canMoveTo(s.to()) : current.status() == s.from();
				if (!applies) {
					// Another contact moved the case on (e.g. the customer came back):
					// history stays as it happened.
					return false;
				}
				this.cases.changeStatus(caseReference, s.to(), s.reason(), s.actor(), s.at());
				return true;
			}
		}
	}

	static Map<IdentityKind, String> identities(DemoCustomer customer) {
		Map<IdentityKind, String> identities = new EnumMap<>(IdentityKind.class);
		if (customer.email() != null) {
			identities.put(IdentityKind.EMAIL, customer.email());
		}
		if (customer.phone() != null) {
			identities.put(IdentityKind.PHONE, customer.phone());
		}
		if (customer.socialHandle() != null) {
			identities.put(IdentityKind.SOCIAL_HANDLE, customer.socialHandle());
		}
		identities.put(IdentityKind.ACCOUNT_NUMBER, customer.accountNumber());
		return identities;
	}

}

package io.rootcase.console;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rootcase.cases.ActionKind;
import io.rootcase.cases.CaseDetails;
import io.rootcase.cases.CaseNotFoundException;
import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.diagnosis.Diagnoses;
import io.rootcase.diagnosis.KnowledgeBases;
import io.rootcase.followups.FollowUps;
import io.rootcase.intake.ContactIntake;
import io.rootcase.notices.CustomerNotice;
import io.rootcase.notices.Notices;
import io.rootcase.problems.ProblemStatus;
import io.rootcase.problems.ProblemView;
import io.rootcase.problems.Problems;
import io.rootcase.reasons.ContactLabel;
import io.rootcase.reasons.ContactReasons;
import io.rootcase.reasons.ReasonTaxonomy;
import io.rootcase.reasons.ReasonView;
import io.rootcase.reasons.SimilarCases;
import io.rootcase.staff.Staff;
import io.rootcase.timeline.CustomerTimeline;
import io.rootcase.webhooks.WebhookEvent;
import io.rootcase.webhooks.Webhooks;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Builds the case page, and answers a command on it: the page fragment for htmx, a
 * redirect with a message otherwise.
 */
@Component
class CasePage {

	private static final int SIMILAR_CASES = 5;

	private final Cases cases;

	private final CustomerDirectory customers;

	private final ContactIntake intake;

	private final CustomerTimeline timelines;

	private final Staff staff;

	private final Diagnoses diagnoses;

	private final FollowUps followUps;

	private final ReasonTaxonomy reasons;

	private final ContactReasons contactReasons;

	private final SimilarCases similarCases;

	private final KnowledgeBases knowledgeBases;

	private final Problems problems;

	private final Notices notices;

	private final Webhooks webhooks;

	private final Clock clock;

	CasePage(Cases cases, CustomerDirectory customers, ContactIntake intake, CustomerTimeline timelines, Staff staff,
			Diagnoses diagnoses, FollowUps followUps, ReasonTaxonomy reasons, ContactReasons contactReasons,
			SimilarCases similarCases, Problems problems, KnowledgeBases knowledgeBases, Notices notices,
			Webhooks webhooks, Clock clock) {
		this.clock = clock;
		this.problems = problems;
		this.webhooks = webhooks;
		this.notices = notices;
		this.knowledgeBases = knowledgeBases;
		this.reasons = reasons;
		this.contactReasons = contactReasons;
		this.similarCases = similarCases;
		this.cases = cases;
		this.customers = customers;
		this.intake = intake;
		this.timelines = timelines;
		this.staff = staff;
		this.diagnoses = diagnoses;
		this.followUps = followUps;
	}

	void populate(String reference, Model model) {
		CaseDetails details = this.cases.details(reference);
		CaseView c = details.summary();
		model.addAttribute("case", c);
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("details", details);
		model.addAttribute("followUps", this.followUps.ofCases(java.util.List.of(c)));
		List<ReasonView> taxonomy = this.reasons.all();
		model.addAttribute("reasons", taxonomy.stream().filter(ReasonView::isActive).toList());
		model.addAttribute("reasonNames",
				taxonomy.stream().collect(java.util.stream.Collectors.toMap(ReasonView::key, ReasonView::name)));
		model.addAttribute("causeNames", this.knowledgeBases.causeNames());
		List<ContactLabel> labels = this.contactReasons.labelsOfCase(c.id());
		model.addAttribute("reasonLabels", labels);
		model.addAttribute("otherMatters", otherMatters(c, labels));
		model.addAttribute("similarCases", this.similarCases.similarTo(c.reference(), SIMILAR_CASES));
		List<ProblemView> matching = c.problemId() != null ? List.of()
				: this.problems.openMatching(c.rootCauseKey(), c.contactReason());
		model.addAttribute("knownErrors", c.problemId() != null ? List.of(this.problems.get(c.problemId().toString()))
				: matching.stream().filter(ProblemView::knownError).toList());
		List<CustomerNotice> toldAbout = toldAbout(c.customerId());
		model.addAttribute("toldAbout", toldAbout);
		model.addAttribute("problemsToLink",
				c.problemId() == null && c.mergedIntoId() == null ? problemsToLink(c, matching, toldAbout) : List.of());
		model.addAttribute("recurrence", this.cases.recurrence(c.reference()).orElse(null));
		model.addAttribute("cureThatDidNotHold", this.cases.cureThatDidNotHold(c.id()).orElse(null));
		model.addAttribute("customer", this.customers.find(c.customerId()).orElseThrow());
		model.addAttribute("timeline", this.timelines.of(c.customerId()));
		model.addAttribute("caseContacts", this.intake.ofCase(c.id()));
		model.addAttribute("repliesDelivered", this.webhooks.subscribed(WebhookEvent.REPLY_SENT));
		List<CaseView> others = this.cases.ofCustomer(c.customerId())
			.stream()
			.filter(other -> other.status().isActive() && !other.id().equals(c.id()))
			.toList();
		model.addAttribute("moveTargets", others);
		model.addAttribute("mergedInto",
				c.mergedIntoId() == null ? null : this.cases.find(c.mergedIntoId()).orElseThrow());
		model.addAttribute("mergeable", c.status().canBeMerged());
		model.addAttribute("sameMatterCases",
				c.contactReason() == null ? List.of()
						: others.stream()
							.filter(other -> other.contactReason() != null
									&& this.contactReasons.sameMatter(c.contactReason(), other.contactReason()))
							.toList());
		model.addAttribute("actionKinds", ActionKind.values());
		model.addAttribute("nextStatuses", c.status().settableByHand());
		model.addAttribute("teams", this.staff.teams());
		model.addAttribute("agents", this.staff.agents().stream().filter(a -> a.active()).toList());
		var diagnosis = this.diagnoses.current(reference).orElse(null);
		model.addAttribute("diagnosis", diagnosis);
		model.addAttribute("choices", diagnosis != null && "in_progress".equals(diagnosis.status())
				? this.diagnoses.choices(reference) : java.util.List.of());
	}

	/** A problem the case may belong to, and why the page offers it. */
	record ProblemToLink(ProblemView problem, String why) {
	}

	/**
	 * The open problems an unlinked case may belong to: those with its root cause or
	 * contact reason, then those its customer was told about (who often call about just
	 * that). Linking is the agent's call: a customer may call about something else.
	 */
	private List<ProblemToLink> problemsToLink(CaseView c, List<ProblemView> matching, List<CustomerNotice> told) {
		Map<String, ProblemToLink> offered = new LinkedHashMap<>();
		for (ProblemView p : matching) {
			offered.put(p.reference(),
					new ProblemToLink(p, c.rootCauseKey() != null && c.rootCauseKey().equals(p.rootCauseKey())
							? "same root cause" : "same contact reason"));
		}
		for (CustomerNotice n : told) {
			if (!offered.containsKey(n.problemReference())) {
				ProblemView p = this.problems.get(n.problemReference());
				if (p.status() != ProblemStatus.VERIFIED) {
					offered.put(p.reference(), new ProblemToLink(p, "the customer was told about it"));
				}
			}
		}
		return List.copyOf(offered.values());
	}

	/**
	 * What the customer was last told about each problem, newest first: an agent who
	 * takes their call knows what they already heard from us.
	 */
	private List<CustomerNotice> toldAbout(UUID customerId) {
		Map<String, CustomerNotice> latest = new LinkedHashMap<>();
		this.notices.ofCustomer(customerId).reversed().forEach(n -> latest.putIfAbsent(n.problemReference(), n));
		return List.copyOf(latest.values());
	}

	/**
	 * The contacts the model reads surely as another matter than the case's reason, by
	 * contact: the ones an agent may want to move (a customer who answered an old thread
	 * about something new, say).
	 */
	private Map<UUID, String> otherMatters(CaseView c, List<ContactLabel> labels) {
		if (c.contactReason() == null) {
			return Map.of();
		}
		Map<UUID, String> others = new HashMap<>();
		for (ContactLabel label : labels) {
			this.contactReasons.matterOf(label)
				.filter(matter -> !this.contactReasons.sameMatter(matter, c.contactReason()))
				.ifPresent(matter -> others.put(label.contactId(), matter));
		}
		return others;
	}

	String respond(String reference, String error, String done, String hx, Model model, RedirectAttributes redirect) {
		if (ConsoleResponses.isHtmx(hx)) {
			populate(reference, model);
			ConsoleResponses.show(model, error, done);
			return "cases/detail :: case";
		}
		ConsoleResponses.flash(redirect, error, done);
		CaseView found = this.cases.find(reference).orElseThrow(() -> new CaseNotFoundException(reference));
		return "redirect:/cases/" + found.reference();
	}

}

package io.rootcase.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Clock;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import io.rootcase.console.ConsoleResponses.Outcome;
import io.rootcase.diagnosis.KnowledgeBases;
import io.rootcase.notices.NoticeDraft;
import io.rootcase.notices.NoticeView;
import io.rootcase.notices.Notices;
import io.rootcase.problems.ActionItemStatus;
import io.rootcase.problems.ProblemStatus;
import io.rootcase.problems.ProblemView;
import io.rootcase.problems.Problems;
import io.rootcase.problems.RootCauseAnalysis;
import io.rootcase.reasons.ReasonTaxonomy;
import io.rootcase.reasons.ReasonView;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.shared.Texts;
import io.rootcase.staff.Staff;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Problems in the console: the list and each team's view (costliest first, action items
 * by due date), and the problem page: workflow, links, root-cause analysis, action items,
 * impact with its chart, and the fix's verification.
 */
@Controller
class ProblemConsole {

	private static final int CASES_PER_PAGE = 25;

	/** Verified problems are history: the latest are enough to find one again. */
	private static final int VERIFIED_SHOWN = 20;

	private final Problems problems;

	private final Staff staff;

	private final ReasonTaxonomy reasons;

	private final KnowledgeBases knowledgeBases;

	private final Notices notices;

	private final Clock clock;

	private final CasePage casePage;

	ProblemConsole(Problems problems, Staff staff, ReasonTaxonomy reasons, KnowledgeBases knowledgeBases,
			Notices notices, Clock clock, CasePage casePage) {
		this.clock = clock;
		this.casePage = casePage;
		this.problems = problems;
		this.staff = staff;
		this.reasons = reasons;
		this.knowledgeBases = knowledgeBases;
		this.notices = notices;
	}

	/**
	 * The reasons and root causes the key fields offer, by name: a manager should not
	 * need to know that "Billing proration error" is {@code billing_proration_error}.
	 */
	private void keyChoices(Model model) {
		model.addAttribute("reasonChoices",
				this.reasons.active()
					.stream()
					.collect(Collectors.toMap(ReasonView::key, ReasonView::name, (a, b) -> a, TreeMap::new)));
		model.addAttribute("causeChoices", new TreeMap<>(this.knowledgeBases.causeNames()));
	}

	record AnalysisForm(String timeline, String whys, String factors, String wentWell) {
	}

	@GetMapping("/problems")
	String list(@RequestParam(required = false) String team,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model) {
		String chosen = team == null || team.isBlank() ? null : team;
		model.addAttribute("team", chosen);
		model.addAttribute("teams", this.staff.teams());
		keyChoices(model);
		if (chosen != null) {
			model.addAttribute("view", this.problems.teamView(chosen));
		}
		else {
			model.addAttribute("ranked", this.problems.byCost(null));
			model.addAttribute("verified", this.problems.list(null, ProblemStatus.VERIFIED, VERIFIED_SHOWN));
		}
		return ConsoleResponses.isHtmx(hx) ? "problems/list :: problems" : "problems/list";
	}

	@PostMapping("/problems")
	String open(Problems.ProblemForm form, Authentication who, RedirectAttributes redirect) {
		Outcome<ProblemView> opened = ConsoleResponses.outcome(() -> this.problems.open(form, Problems.Actor.of(who)));
		if (opened.refused()) {
			redirect.addFlashAttribute("error", opened.error());
			return "redirect:/problems";
		}
		redirect.addFlashAttribute("message", opened.value().reference() + " opened.");
		return "redirect:/problems/" + opened.value().reference();
	}

	@GetMapping("/problems/{reference}")
	String page(@PathVariable String reference, @RequestParam(required = false) Integer casesPage,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model) {
		ProblemView problem = this.problems.get(reference);
		model.addAttribute("p", problem);
		model.addAttribute("history", this.problems.history(reference));
		List<NoticeView> sent = this.notices.ofProblem(reference);
		model.addAttribute("notices", sent);
		model.addAttribute("audience", this.notices.audience(reference));
		model.addAttribute("noticeDraft", NoticeDraft.of(problem, sent));
		model.addAttribute("impact", this.problems.impact(reference));
		model.addAttribute("verification", this.problems.verificationSoFar(reference).orElse(null));
		model.addAttribute("analysis", this.problems.analysis(reference));
		model.addAttribute("actionItems", this.problems.actionItems(reference));
		int requested = casesPage == null ? 1 : Math.max(1, casesPage);
		Problems.LinkedCases linked = this.problems.cases(reference, CASES_PER_PAGE,
				(long) (requested - 1) * CASES_PER_PAGE);
		Pager pager = Pager.of(requested, linked.total(), CASES_PER_PAGE);
		if (pager.page() != requested) {
			// Beyond the last page (cases were unlinked since the link was made): the
			// last.
			linked = this.problems.cases(reference, CASES_PER_PAGE, pager.offset());
		}
		model.addAttribute("linkedPager", pager);
		model.addAttribute("linked", linked.page());
		model.addAttribute("teams", this.staff.teams());
		keyChoices(model);
		model.addAttribute("factorCategories", RootCauseAnalysis.FactorCategory.values());
		return ConsoleResponses.isHtmx(hx) ? "problems/page :: problem" : "problems/page";
	}

	@PostMapping("/problems/{reference}")
	String describe(@PathVariable String reference, Problems.ProblemForm form, Authentication who,
			RedirectAttributes redirect) {
		return done(reference, redirect, () -> this.problems.describe(reference, form, Problems.Actor.of(who)),
				"Problem saved.");
	}

	@PostMapping("/problems/{reference}/status")
	String move(@PathVariable String reference, @RequestParam(required = false) ProblemStatus status,
			@RequestParam(required = false) String reason, Authentication who, RedirectAttributes redirect) {
		return done(reference, redirect, () -> this.problems.moveTo(reference, status, reason, Problems.Actor.of(who)),
				"Status changed.");
	}

	@PostMapping("/problems/{reference}/cases")
	String link(@PathVariable String reference, @RequestParam(required = false) String caseReferences,
			@RequestParam(required = false) String rootCauseKey, @RequestParam(required = false) String reasonKey,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			Authentication who, RedirectAttributes redirect) {
		List<String> named = references(caseReferences);
		Outcome<Integer> linked = ConsoleResponses
			.outcome(() -> named.isEmpty() ? this.problems.linkMatching(reference, rootCauseKey, reasonKey,
					start(from, 0), start(to, 1), Problems.Actor.of(who)) : this.problems.link(reference, named));
		ConsoleResponses.flash(redirect, linked.error(), linked.value() + " case(s) linked.");
		return "redirect:/problems/" + reference;
	}

	/**
	 * Links the cases a filtered queue shows (or any list of references) to a problem.
	 */
	@PostMapping("/problems/link")
	String linkShown(@RequestParam(required = false) String problem,
			@RequestParam(required = false) String caseReferences, RedirectAttributes redirect) {
		List<String> named = references(caseReferences);
		Outcome<Integer> linked = ConsoleResponses.outcome(() -> this.problems.link(problem, named));
		if (linked.refused()) {
			redirect.addFlashAttribute("error", linked.error());
			return "redirect:/cases";
		}
		redirect.addFlashAttribute("message", linked.value() + " case(s) linked.");
		return "redirect:/problems/" + this.problems.get(problem).reference();
	}

	/**
	 * Links the case on its page to a problem: one the page offers, or any named by its
	 * reference.
	 */
	@PostMapping("/cases/{reference}/problem")
	String linkCase(@PathVariable String reference, @RequestParam(required = false) String problem,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model, RedirectAttributes redirect) {
		Outcome<ProblemView> linked = ConsoleResponses.outcome(() -> {
			if (problem == null || problem.isBlank()) {
				throw InvalidRequestException.of("problem", "name the problem, as PRB-12");
			}
			this.problems.link(problem.strip(), List.of(reference));
			return this.problems.get(problem.strip());
		});
		return this.casePage.respond(reference, linked.error(),
				linked.refused() ? null : "Linked to " + linked.value().reference() + ".", hx, model, redirect);
	}

	@PostMapping("/problems/{reference}/analysis")
	String analysis(@PathVariable String reference, AnalysisForm form, Authentication who,
			RedirectAttributes redirect) {
		return done(reference, redirect,
				() -> this.problems.saveAnalysis(reference, parse(form), Problems.Actor.of(who)), "Analysis saved.");
	}

	@PostMapping("/problems/{reference}/action-items")
	String planActionItem(@PathVariable String reference, Problems.ActionItemForm form, Authentication who,
			RedirectAttributes redirect) {
		return done(reference, redirect, () -> this.problems.planActionItem(reference, form, Problems.Actor.of(who)),
				"Action item added.");
	}

	@PostMapping("/problems/{reference}/action-items/{id}/close")
	String closeActionItem(@PathVariable String reference, @PathVariable UUID id, @RequestParam ActionItemStatus status,
			Authentication who, RedirectAttributes redirect) {
		return done(reference, redirect, () -> this.problems.closeActionItem(id, status, Problems.Actor.of(who)),
				"Action item closed.");
	}

	@PostMapping("/problems/{reference}/resolve-all")
	String resolveAll(@PathVariable String reference, @RequestParam(required = false) String note, Authentication who,
			RedirectAttributes redirect) {
		Outcome<Problems.ResolveAllResult> result = ConsoleResponses
			.outcome(() -> this.problems.resolveAll(reference, note, Problems.Actor.of(who)));
		ConsoleResponses.flash(redirect, result.error(),
				result.refused() ? null
						: "Resolution proposed on " + result.value().proposed().size()
								+ " case(s); each customer is asked to confirm." + (result.value().failed().isEmpty()
										? "" : " Not proposed: " + String.join("; ", result.value().failed())));
		return "redirect:/problems/" + reference;
	}

	@PostMapping("/problems/{reference}/notices")
	String tell(@PathVariable String reference, @RequestParam(required = false) String message, Authentication who,
			RedirectAttributes redirect) {
		Outcome<NoticeView> told = ConsoleResponses
			.outcome(() -> this.notices.publish(reference, message, Problems.Actor.of(who)));
		ConsoleResponses.flash(redirect, told.error(),
				told.refused() ? null
						: "Told " + told.value().told() + " customer(s), " + told.value().toldBeforeTheyCalled()
								+ " of them before they called." + (told.value().unreachable() == 0 ? ""
										: " " + told.value().unreachable() + " could not be reached: no address."));
		return "redirect:/problems/" + reference;
	}

	@PostMapping("/problems/{reference}/verify")
	String verify(@PathVariable String reference, @RequestParam(required = false) String reason, Authentication who,
			RedirectAttributes redirect) {
		return done(reference, redirect, () -> this.problems.verify(reference, reason, Problems.Actor.of(who)),
				"Fix verified.");
	}

	/**
	 * The analysis form's text areas: timeline lines "when | what" (an ISO date or
	 * instant), one why per line, factor lines "category: description", one thing that
	 * went well per line.
	 */
	private RootCauseAnalysis parse(AnalysisForm form) {
		List<RootCauseAnalysis.Event> timeline = new ArrayList<>();
		for (String line : lines(form.timeline())) {
			int bar = line.indexOf('|');
			if (bar < 0) {
				throw InvalidRequestException.of("timeline", "write each event as 'when | what': " + line);
			}
			timeline.add(new RootCauseAnalysis.Event(instant(line.substring(0, bar).strip()),
					line.substring(bar + 1).strip()));
		}
		List<RootCauseAnalysis.Factor> factors = new ArrayList<>();
		for (String line : lines(form.factors())) {
			int colon = line.indexOf(':');
			RootCauseAnalysis.FactorCategory category = null;
			try {
				category = colon < 0 ? null : RootCauseAnalysis.FactorCategory
					.valueOf(line.substring(0, colon).strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				// reported below with the line
			}
			if (category == null) {
				throw InvalidRequestException.of("factors",
						"write each factor as 'process|product|people|partner|tooling: what': " + line);
			}
			factors.add(new RootCauseAnalysis.Factor(category, line.substring(colon + 1).strip()));
		}
		return new RootCauseAnalysis(timeline, lines(form.whys()), factors, lines(form.wentWell()));
	}

	private static List<String> references(String text) {
		return text == null ? List.of() : Arrays.stream(text.split("[\\s,;]+")).filter(r -> !r.isBlank()).toList();
	}

	private static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	private Instant instant(String when) {
		try {
			return when.length() <= 10 ? LocalDate.parse(when).atStartOfDay(this.clock.getZone()).toInstant()
					: Instant.parse(when);
		}
		catch (DateTimeParseException ex) {
			throw InvalidRequestException.of("timeline", Texts.quoted(when) + " is not a date like 2026-11-01");
		}
	}

	private Instant start(LocalDate day, int plusDays) {
		return day == null ? null : day.plusDays(plusDays).atStartOfDay(this.clock.getZone()).toInstant();
	}

	private static String done(String reference, RedirectAttributes redirect, Runnable command, String message) {
		ConsoleResponses.flash(redirect, ConsoleResponses.attempt(command), message);
		return "redirect:/problems/" + reference;
	}

}

package io.rootcase.console;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.rootcase.console.ConsoleResponses.Outcome;
import io.rootcase.diagnosis.KnowledgeBases;
import io.rootcase.problems.Problems;
import io.rootcase.reasons.ReasonTaxonomy;
import io.rootcase.staff.Staff;
import io.rootcase.trends.AlertState;
import io.rootcase.trends.ClusterState;
import io.rootcase.trends.EmergingProblems;
import io.rootcase.trends.SeriesKey;
import io.rootcase.trends.SurgeAlert;
import io.rootcase.trends.SurgeAlerts;
import io.rootcase.trends.TrendsOverview;

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
 * Trends in the console (managers): the dashboard of top movers, surge alerts and
 * emerging problems; an alert's page with its chart and evidence and the decision on it;
 * an emerging problem's page and what to make of it.
 */
@Controller
class TrendsConsole {

	private static final int MOVERS = 8;

	private static final Duration EVALUATION_PERIOD = Duration.ofDays(90);

	private final SurgeAlerts alerts;

	private final EmergingProblems emerging;

	private final TrendsOverview overview;

	private final Staff staff;

	private final SeriesNames seriesNames;

	TrendsConsole(SurgeAlerts alerts, EmergingProblems emerging, TrendsOverview overview, Staff staff,
			SeriesNames seriesNames) {
		this.alerts = alerts;
		this.emerging = emerging;
		this.overview = overview;
		this.staff = staff;
		this.seriesNames = seriesNames;
	}

	@GetMapping("/trends")
	String dashboard(@RequestHeader(name = "HX-Request", required = false) String hx, Model model) {
		List<SurgeAlert> open = this.alerts.list(List.of(AlertState.OPEN, AlertState.ACKNOWLEDGED), 50);
		List<SurgeAlert> decided = this.alerts.list(List.of(AlertState.PROBLEM, AlertState.DISMISSED), 10);
		List<TrendsOverview.Mover> movers = this.overview.movers(MOVERS);
		model.addAttribute("alerts", open);
		model.addAttribute("segments", this.alerts.segments(open));
		model.addAttribute("decided", decided);
		model.addAttribute("evaluation", this.alerts.evaluation(EVALUATION_PERIOD));
		model.addAttribute("movers", movers);
		model.addAttribute("names",
				this.seriesNames.of(
						Stream
							.of(open.stream().map(SurgeAlert::series), decided.stream().map(SurgeAlert::series),
									movers.stream().map(m -> SeriesKey.parse(m.key())))
							.flatMap(s -> s)
							.toList()));
		model.addAttribute("clusters", this.emerging.list(ClusterState.PROPOSED, 20));
		return ConsoleResponses.isHtmx(hx) ? "trends/dashboard :: dashboard" : "trends/dashboard";
	}

	@PostMapping("/trends/watch")
	String watch(RedirectAttributes redirect) {
		Outcome<Integer> hours = ConsoleResponses.outcome(this.alerts::testNow);
		ConsoleResponses.flash(redirect, hours.error(), hours.value() + " hour(s) tested.");
		return "redirect:/trends";
	}

	@PostMapping("/trends/emerging/find")
	String cluster(RedirectAttributes redirect) {
		Outcome<Integer> found = ConsoleResponses.outcome(() -> this.emerging.find().size());
		ConsoleResponses.flash(redirect, found.error(), found.value() + " emerging problem(s) found.");
		return "redirect:/trends";
	}

	@GetMapping("/trends/alerts/{id}")
	String alert(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String hx, Model model) {
		SurgeAlerts.Evidence evidence = this.alerts.evidence(id);
		model.addAttribute("e", evidence);
		model.addAttribute("names", this.seriesNames.of(List.of(evidence.alert().series())));
		model.addAttribute("teams", this.staff.teams());
		return ConsoleResponses.isHtmx(hx) ? "trends/alert :: alert" : "trends/alert";
	}

	@PostMapping("/trends/alerts/{id}/acknowledge")
	String acknowledge(@PathVariable UUID id, Authentication who, RedirectAttributes redirect) {
		String error = ConsoleResponses.attempt(() -> this.alerts.acknowledge(id, Problems.Actor.of(who)));
		ConsoleResponses.flash(redirect, error, "Alert acknowledged.");
		return "redirect:/trends/alerts/" + id;
	}

	@PostMapping("/trends/alerts/{id}/dismiss")
	String dismiss(@PathVariable UUID id, @RequestParam(required = false) String reason, Authentication who,
			RedirectAttributes redirect) {
		String error = ConsoleResponses.attempt(() -> this.alerts.dismiss(id, reason, Problems.Actor.of(who)));
		ConsoleResponses.flash(redirect, error, "Alert dismissed.");
		return "redirect:/trends/alerts/" + id;
	}

	@PostMapping("/trends/alerts/{id}/problem")
	String openProblem(@PathVariable UUID id, SurgeAlerts.NewProblem form, Authentication who,
			RedirectAttributes redirect) {
		return ConsoleResponses.toProblem(redirect,
				ConsoleResponses.outcome(() -> this.alerts.openProblem(id, form, Problems.Actor.of(who))),
				"/trends/alerts/" + id);
	}

	@PostMapping("/trends/alerts/{id}/link")
	String link(@PathVariable UUID id, @RequestParam(required = false) String problem, Authentication who,
			RedirectAttributes redirect) {
		return ConsoleResponses.toProblem(redirect,
				ConsoleResponses.outcome(() -> this.alerts.linkProblem(id, problem, Problems.Actor.of(who))),
				"/trends/alerts/" + id);
	}

	@GetMapping("/trends/emerging/{id}")
	String emergingProblem(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String hx,
			Model model) {
		model.addAttribute("c", this.emerging.get(id));
		model.addAttribute("cases", this.emerging.cases(id));
		model.addAttribute("teams", this.staff.teams());
		return ConsoleResponses.isHtmx(hx) ? "trends/emerging :: emerging" : "trends/emerging";
	}

	@PostMapping("/trends/emerging/{id}/reason")
	String asReason(@PathVariable UUID id, ReasonTaxonomy.Definition definition, Authentication who,
			RedirectAttributes redirect) {
		String error = ConsoleResponses
			.attempt(() -> this.emerging.adoptAsReason(id, definition, Problems.Actor.of(who)));
		ConsoleResponses.flash(redirect, error, "Contact reason " + definition.key() + " added; its cases took it.");
		return "redirect:/trends/emerging/" + id;
	}

	@PostMapping("/trends/emerging/{id}/root-cause")
	String asRootCause(@PathVariable UUID id, KnowledgeBases.KnownCause cause, Authentication who,
			RedirectAttributes redirect) {
		String error = ConsoleResponses
			.attempt(() -> this.emerging.adoptAsRootCause(id, cause, Problems.Actor.of(who)));
		ConsoleResponses.flash(redirect, error, "Root cause " + cause.key() + " added to the knowledge base.");
		return "redirect:/trends/emerging/" + id;
	}

	@PostMapping("/trends/emerging/{id}/problem")
	String emergingAsProblem(@PathVariable UUID id, SurgeAlerts.NewProblem form, Authentication who,
			RedirectAttributes redirect) {
		return ConsoleResponses.toProblem(redirect,
				ConsoleResponses.outcome(() -> this.emerging.adoptAsProblem(id, form, Problems.Actor.of(who))),
				"/trends/emerging/" + id);
	}

	@PostMapping("/trends/emerging/{id}/dismiss")
	String dismissEmerging(@PathVariable UUID id, @RequestParam(required = false) String reason, Authentication who,
			RedirectAttributes redirect) {
		String error = ConsoleResponses.attempt(() -> this.emerging.dismiss(id, reason, Problems.Actor.of(who)));
		ConsoleResponses.flash(redirect, error, "Emerging problem dismissed.");
		return "redirect:/trends/emerging/" + id;
	}

}

package io.rootcase.trends;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.rootcase.cases.CaseView;
import io.rootcase.diagnosis.KnowledgeBases;
import io.rootcase.problems.ProblemView;
import io.rootcase.problems.Problems;
import io.rootcase.reasons.ReasonTaxonomy;
import io.rootcase.reasons.ReasonView;
import io.rootcase.shared.Limits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Trends")
class TrendsApi {

	private static final int MAX_LIMIT = 500;

	private final SurgeAlerts alerts;

	private final EmergingProblems emerging;

	private final TrendSeries series;

	private final TrendsOverview overview;

	TrendsApi(SurgeAlerts alerts, EmergingProblems emerging, TrendSeries series, TrendsOverview overview) {
		this.alerts = alerts;
		this.emerging = emerging;
		this.series = series;
		this.overview = overview;
	}

	/** An alert with its evidence; cases by reference. */
	record AlertDetails(SurgeAlert alert, SurgeAlerts.Chart chart, List<String> cases, long customers,
			List<SurgeAlerts.Customer> topCustomers, List<SurgeAlerts.Concentration> concentrations,
			List<SurgeAlert> segments) {
	}

	record DismissRequest(String reason) {
	}

	record LinkRequest(String problem) {
	}

	record Tested(int hours) {
	}

	record Rebuilt(int contacts) {
	}

	@Operation(summary = "Surge alerts, those still surging most recently first; state filters (repeatable). "
			+ "A segment's alert that is part of its reason's surge is listed with that alert's details, not here")
	@GetMapping("/api/trends/alerts")
	List<SurgeAlert> alerts(@RequestParam(required = false) List<AlertState> state,
			@RequestParam(defaultValue = "100") int limit) {
		return this.alerts.list(state == null ? List.of() : state, Limits.within(limit, MAX_LIMIT));
	}

	@Operation(summary = "A surge alert: observed against expected hour by hour, its cases, customers, the segments "
			+ "it concentrates in and the segments' alerts that are part of it")
	@GetMapping("/api/trends/alerts/{id}")
	AlertDetails alert(@PathVariable UUID id) {
		SurgeAlerts.Evidence e = this.alerts.evidence(id);
		return new AlertDetails(e.alert(), e.chart(), e.cases().stream().map(CaseView::reference).toList(),
				e.customerCount(), e.customers(), e.concentrations(), e.segments());
	}

	@Operation(summary = "Acknowledge a surge alert (managers)")
	@PostMapping("/api/trends/alerts/{id}/acknowledge")
	SurgeAlert acknowledge(@PathVariable UUID id, Authentication who) {
		return this.alerts.acknowledge(id, Problems.Actor.of(who));
	}

	@Operation(
			summary = "Dismiss a surge alert with a reason (managers); dismissals measure how often alerts are right")
	@PostMapping("/api/trends/alerts/{id}/dismiss")
	SurgeAlert dismiss(@PathVariable UUID id, @RequestBody DismissRequest request, Authentication who) {
		return this.alerts.dismiss(id, request.reason(), Problems.Actor.of(who));
	}

	@Operation(summary = "Open a problem for a surge and link its cases (managers)")
	@PostMapping("/api/trends/alerts/{id}/problem")
	@ResponseStatus(HttpStatus.CREATED)
	ProblemView openProblem(@PathVariable UUID id, @RequestBody SurgeAlerts.NewProblem form, Authentication who) {
		return this.alerts.openProblem(id, form, Problems.Actor.of(who));
	}

	@Operation(summary = "Link a surge's cases to an existing problem (managers)")
	@PostMapping("/api/trends/alerts/{id}/link")
	ProblemView link(@PathVariable UUID id, @RequestBody LinkRequest request, Authentication who) {
		return this.alerts.linkProblem(id, request.problem(), Problems.Actor.of(who));
	}

	@Operation(summary = "How surge alerts were judged over the last days")
	@GetMapping("/api/trends/alerts/evaluation")
	SurgeAlerts.Evaluation evaluation(@RequestParam(defaultValue = "90") int days) {
		return this.alerts.evaluation(Duration.ofDays(Limits.within(days, 3650)));
	}

	@Operation(summary = "Test the hours not tested yet now (managers)")
	@PostMapping("/api/trends/watch")
	Tested watch() {
		return new Tested(this.alerts.testNow());
	}

	@Operation(summary = "Series with the largest change this week against the four weeks before")
	@GetMapping("/api/trends/movers")
	List<TrendsOverview.Mover> movers(@RequestParam(defaultValue = "10") int limit) {
		return this.overview.movers(Limits.within(limit, 100));
	}

	@Operation(summary = "Contacts per day of one series")
	@GetMapping("/api/trends/series/daily")
	TrendsOverview.Daily daily(@RequestParam String key, @RequestParam(defaultValue = "35") int days) {
		return this.overview.daily(SeriesKey.parse(key), Limits.within(days, 400));
	}

	@Operation(summary = "Recount every series from the stored contacts (managers)")
	@PostMapping("/api/trends/rebuild")
	Rebuilt rebuild() {
		return new Rebuilt(this.series.rebuild());
	}

	@Operation(summary = "Emerging problems: groups of unexplained cases that mean the same thing")
	@GetMapping("/api/trends/emerging")
	List<EmergingCluster> emerging(@RequestParam(defaultValue = "PROPOSED") ClusterState state,
			@RequestParam(defaultValue = "50") int limit) {
		return this.emerging.list(state, Limits.within(limit, 200));
	}

	@Operation(summary = "Cluster the unexplained cases again now (managers)")
	@PostMapping("/api/trends/emerging/find")
	List<EmergingCluster> findEmerging() {
		return this.emerging.find();
	}

	@Operation(summary = "An emerging problem's cases, by reference")
	@GetMapping("/api/trends/emerging/{id}/cases")
	List<String> emergingCases(@PathVariable UUID id) {
		return this.emerging.cases(id).stream().map(CaseView::reference).toList();
	}

	@Operation(summary = "Make an emerging problem a new contact reason (managers)")
	@PostMapping("/api/trends/emerging/{id}/reason")
	@ResponseStatus(HttpStatus.CREATED)
	ReasonView asReason(@PathVariable UUID id, @RequestBody ReasonTaxonomy.Definition definition, Authentication who) {
		return this.emerging.adoptAsReason(id, definition, Problems.Actor.of(who));
	}

	@Operation(summary = "Make an emerging problem a root cause in the knowledge base (managers)")
	@PostMapping("/api/trends/emerging/{id}/root-cause")
	@ResponseStatus(HttpStatus.CREATED)
	KnowledgeBases.KnownCause asRootCause(@PathVariable UUID id, @RequestBody KnowledgeBases.KnownCause cause,
			Authentication who) {
		this.emerging.adoptAsRootCause(id, cause, Problems.Actor.of(who));
		return cause;
	}

	@Operation(summary = "Open a problem for an emerging problem's cases (managers)")
	@PostMapping("/api/trends/emerging/{id}/problem")
	@ResponseStatus(HttpStatus.CREATED)
	ProblemView asProblem(@PathVariable UUID id, @RequestBody SurgeAlerts.NewProblem form, Authentication who) {
		return this.emerging.adoptAsProblem(id, form, Problems.Actor.of(who));
	}

	@Operation(summary = "Dismiss an emerging problem with a reason (managers)")
	@PostMapping("/api/trends/emerging/{id}/dismiss")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void dismissEmerging(@PathVariable UUID id, @RequestBody DismissRequest request, Authentication who) {
		this.emerging.dismiss(id, request.reason(), Problems.Actor.of(who));
	}

}

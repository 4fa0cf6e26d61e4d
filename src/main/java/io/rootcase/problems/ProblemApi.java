package io.rootcase.problems;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.rootcase.cases.CaseView;
import io.rootcase.shared.ConflictException;
import io.rootcase.shared.Limits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Problems")
class ProblemApi {

	private static final int MAX_LIMIT = 500;

	private final Problems problems;

	ProblemApi(Problems problems) {
		this.problems = problems;
	}

	/** A problem with what the console's problem page shows beside it. */
	record ProblemDetails(ProblemView problem, List<ProblemHistory> history, ProblemImpact impact,
			FixVerification verification) {
	}

	record StatusRequest(ProblemStatus status, String reason) {
	}

	/**
	 * Either {@code caseReferences}, or a root cause and/or reason with a period for
	 * every matching case not linked yet.
	 */
	record LinkRequest(List<String> caseReferences, String rootCauseKey, String reasonKey, Instant from, Instant to) {
	}

	record LinkResult(int linked) {
	}

	/**
	 * Without a reason the data must show the drop; with one, a manager vouches for it.
	 */
	record VerifyRequest(String reason) {
	}

	@Operation(summary = "Problems, newest first, by team and status")
	@GetMapping("/api/problems")
	List<ProblemView> list(@RequestParam(required = false) String team,
			@RequestParam(required = false) ProblemStatus status, @RequestParam(defaultValue = "100") int limit) {
		return this.problems.list(team, status, Limits.within(limit, MAX_LIMIT));
	}

	@Operation(summary = "Problems whose fix is not verified yet, costliest first, with their impact; all teams or one")
	@GetMapping("/api/problems/by-cost")
	List<Problems.RankedProblem> byCost(@RequestParam(required = false) String team) {
		return this.problems.byCost(team == null || team.isBlank() ? null : team);
	}

	/** What a problem says, and the cases it holds from the start. */
	record OpenRequest(@JsonUnwrapped Problems.ProblemForm form,
			@Schema(description = "Cases to link at once (RC-<number>); all or none: an unknown case is 404, "
					+ "one linked to another problem 409, and then no problem is opened") List<String> caseReferences) {
	}

	@Operation(summary = "Open a problem (managers, or agents of the owning team), with its cases if named")
	@PostMapping("/api/problems")
	@ResponseStatus(HttpStatus.CREATED)
	ProblemView open(@RequestBody OpenRequest request, Authentication who) {
		return this.problems.open(request.form(), request.caseReferences(), Problems.Actor.of(who));
	}

	@Operation(summary = "A problem with its history, impact and, once the fix is deployed, its verification")
	@GetMapping("/api/problems/{reference}")
	ProblemDetails get(@PathVariable String reference) {
		return new ProblemDetails(this.problems.get(reference), this.problems.history(reference),
				this.problems.impact(reference), this.problems.verificationSoFar(reference).orElse(null));
	}

	@Operation(summary = "Change what a problem says (managers, or the owning team)")
	@PutMapping("/api/problems/{reference}")
	ProblemView describe(@PathVariable String reference, @RequestBody Problems.ProblemForm form, Authentication who) {
		return this.problems.describe(reference, form, Problems.Actor.of(who));
	}

	@Operation(summary = "Move a problem on in its workflow, or back to investigating, saying why")
	@PostMapping("/api/problems/{reference}/status")
	ProblemView move(@PathVariable String reference, @RequestBody StatusRequest request, Authentication who) {
		return this.problems.moveTo(reference, request.status(), request.reason(), Problems.Actor.of(who));
	}

	/**
	 * A page of the linked cases; the {@code X-Total-Count} header says how many there
	 * are over all pages.
	 */
	@Operation(summary = "Cases linked to a problem, the latest opened first, a page at a time")
	@GetMapping("/api/problems/{reference}/cases")
	ResponseEntity<List<CaseView>> cases(@PathVariable String reference, @RequestParam(defaultValue = "100") int limit,
			@RequestParam(defaultValue = "0") long offset) {
		Problems.LinkedCases linked = this.problems.cases(reference, Limits.within(limit, MAX_LIMIT), offset);
		return ResponseEntity.ok().header("X-Total-Count", Long.toString(linked.total())).body(linked.page());
	}

	@Operation(summary = "Link cases: by reference (all or none), or every matching case in a period")
	@PostMapping("/api/problems/{reference}/cases")
	LinkResult link(@PathVariable String reference, @RequestBody LinkRequest request, Authentication who) {
		if (request.caseReferences() != null && !request.caseReferences().isEmpty()) {
			return new LinkResult(this.problems.link(reference, request.caseReferences()));
		}
		return new LinkResult(this.problems.linkMatching(reference, request.rootCauseKey(), request.reasonKey(),
				request.from(), request.to(), Problems.Actor.of(who)));
	}

	@Operation(summary = "Unlink a case from a problem (managers, or the owning team)")
	@DeleteMapping("/api/problems/{reference}/cases/{caseReference}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlink(@PathVariable String reference, @PathVariable String caseReference, Authentication who) {
		this.problems.unlink(reference, caseReference, Problems.Actor.of(who));
	}

	@Operation(summary = "Matching cases before and since the fix, with the exact test for two Poisson rates")
	@GetMapping("/api/problems/{reference}/verification")
	FixVerification verification(@PathVariable String reference) {
		return this.problems.verification(reference)
			.orElseThrow(() -> new ConflictException("the fix has not been deployed yet"));
	}

	@Operation(summary = "Mark the fix verified: by the data, or by a manager with a reason")
	@PostMapping("/api/problems/{reference}/verify")
	ProblemView verify(@PathVariable String reference, @RequestBody(required = false) VerifyRequest request,
			Authentication who) {
		return this.problems.verify(reference, request == null ? null : request.reason(), Problems.Actor.of(who));
	}

	record CloseRequest(ActionItemStatus status) {
	}

	@Operation(summary = "A problem's blameless root-cause analysis")
	@GetMapping("/api/problems/{reference}/analysis")
	RootCauseAnalysis analysis(@PathVariable String reference) {
		return this.problems.analysis(reference);
	}

	@Operation(summary = "Replace a problem's root-cause analysis (managers, or the owning team)")
	@PutMapping("/api/problems/{reference}/analysis")
	RootCauseAnalysis saveAnalysis(@PathVariable String reference, @RequestBody RootCauseAnalysis analysis,
			Authentication who) {
		return this.problems.saveAnalysis(reference, analysis, Problems.Actor.of(who));
	}

	@Operation(summary = "A problem's action items")
	@GetMapping("/api/problems/{reference}/action-items")
	List<ActionItemView> actionItems(@PathVariable String reference) {
		return this.problems.actionItems(reference);
	}

	@Operation(summary = "Plan an action item: title, owner team, owner and due date are required")
	@PostMapping("/api/problems/{reference}/action-items")
	@ResponseStatus(HttpStatus.CREATED)
	ActionItemView planActionItem(@PathVariable String reference, @RequestBody Problems.ActionItemForm form,
			Authentication who) {
		return this.problems.planActionItem(reference, form, Problems.Actor.of(who));
	}

	@Operation(summary = "Close an action item as done or cancelled")
	@PostMapping("/api/action-items/{id}/close")
	ActionItemView closeActionItem(@PathVariable UUID id, @RequestBody CloseRequest request, Authentication who) {
		return this.problems.closeActionItem(id, request.status(), Problems.Actor.of(who));
	}

	@Operation(summary = "A problem's impact: cases, contacts, customers, agent minutes, recurrences and cost")
	@GetMapping("/api/problems/{reference}/impact")
	ProblemImpact impact(@PathVariable String reference) {
		return this.problems.impact(reference);
	}

	@Operation(summary = "A team's open problems by cost and its open action items by due date")
	@GetMapping("/api/teams/{team}/problems")
	Problems.TeamView teamView(@PathVariable String team) {
		return this.problems.teamView(team);
	}

	record ResolveAllRequest(String note) {
	}

	@Operation(summary = "Propose a resolution on every linked open case with one message; each customer confirms")
	@PostMapping("/api/problems/{reference}/resolve-all")
	Problems.ResolveAllResult resolveAll(@PathVariable String reference, @RequestBody ResolveAllRequest request,
			Authentication who) {
		return this.problems.resolveAll(reference, request.note(), Problems.Actor.of(who));
	}

}

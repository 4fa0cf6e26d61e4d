package io.rootcase.cases;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import io.rootcase.shared.Channel;
import io.rootcase.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases")
class CaseApi {

	private static final String TOTAL_COUNT = "X-Total-Count";

	private final Cases cases;

	private final Clock clock;

	CaseApi(Cases cases, Clock clock) {
		this.cases = cases;
		this.clock = clock;
	}

	/**
	 * @param causeKey the root cause the action addresses, if any
	 * @param remedy the knowledge base's workaround or fix applied, if any
	 */
	record ActionRequest(ActionKind kind, String description, Integer minutesSpent, String causeKey, String remedy,
			String repeatReason) {
	}

	/**
	 * @param note for the next person, at most 1 000 characters
	 */
	record HandoverRequest(String team, String agent, String note) {
	}

	/**
	 * @param reason why, at most 4 000 characters; required to close
	 */
	record StatusRequest(CaseStatus status, String reason) {
	}

	/**
	 * The cases matching the filter, a page at a time; the {@code X-Total-Count} header
	 * says how many match over all pages.
	 */
	@GetMapping
	ResponseEntity<List<CaseView>> queue(@RequestParam(required = false) Set<CaseStatus> status,
			@RequestParam(required = false) Channel channel, @RequestParam(required = false) String team,
			@RequestParam(required = false) String assignee,
			@Parameter(description = "Only cases assigned to nobody") @RequestParam(
					defaultValue = "false") boolean unassigned,
			@Parameter(
					description = "Only cases opened at least this long ago, ISO-8601 duration, e.g. PT4H") @RequestParam(
							required = false) Duration olderThan,
			@Parameter(
					description = "Only cases whose resolution is of this kind: cured, relieved or unexplained") @RequestParam(
							required = false) ResolutionKind resolution,
			@Parameter(description = "Only cases with one of these contact reasons (keys; repeat the parameter for "
					+ "several). A case keeps the key of a reason merged into another since: name both") @RequestParam(
							required = false) Set<String> reason,
			@Parameter(
					description = "Only cases with these words in their subject, or with this reference") @RequestParam(
							required = false) String text,
			@Parameter(description = "Only cases whose customer waits for an answer due before this instant "
					+ "(ISO-8601; now for the overdue ones)") @RequestParam(required = false) Instant answerDueBefore,
			@Parameter(description = "oldest_activity_first (the default), newest_activity_first or "
					+ "answer_due_first") @RequestParam(required = false) CaseQuery.Order order,
			@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
		Instant openedBefore = olderThan == null ? null : this.clock.instant().minus(olderThan);
		CaseQuery query = new CaseQuery(status, channel, team, assignee, unassigned, openedBefore, null, resolution,
				reason, text, answerDueBefore, order, limit, offset);
		return ResponseEntity.ok()
			.header(TOTAL_COUNT, Long.toString(this.cases.count(query)))
			.body(this.cases.queue(query));
	}

	@GetMapping("/{reference}")
	CaseDetails details(@PathVariable String reference) {
		return this.cases.details(reference);
	}

	@GetMapping("/{reference}/recurrence")
	RecurrenceView recurrence(@PathVariable String reference) {
		return this.cases.recurrence(reference)
			.orElseThrow(() -> new NotFoundException("case " + reference + " is not a recurrence of an earlier case"));
	}

	@PostMapping("/{reference}/actions")
	CaseView recordAction(@PathVariable String reference, @RequestBody ActionRequest request, Principal principal) {
		return this.cases.recordAction(reference, request.kind(), request.description(),
				request.minutesSpent() == null ? 0 : request.minutesSpent(), request.causeKey(), request.remedy(),
				request.repeatReason(), principal.getName(), this.clock.instant());
	}

	@PostMapping("/{reference}/handover")
	CaseView handOver(@PathVariable String reference, @RequestBody HandoverRequest request, Principal principal) {
		return this.cases.handOver(reference, request.team(), request.agent(), request.note(), principal.getName());
	}

	@PostMapping("/{reference}/status")
	CaseView changeStatus(@PathVariable String reference, @RequestBody StatusRequest request, Principal principal) {
		if (request.status() == null) {
			throw new IllegalArgumentException("status is required");
		}
		return this.cases.changeStatus(reference, request.status(), request.reason(), principal.getName());
	}

}

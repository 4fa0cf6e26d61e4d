package io.rootcase.followups;

import io.rootcase.shared.Limits;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Follow-ups")
class FollowUpApi {

	private final FollowUps followUps;

	FollowUpApi(FollowUps followUps) {
		this.followUps = followUps;
	}

	/**
	 * @param owner an agent's username or a team's code
	 */
	record ScheduleRequest(Instant dueAt, String owner, String note) {
	}

	/**
	 * @param tellCustomer also send the outcome to the customer on the case's channel
	 */
	record CompleteRequest(String outcome, Boolean tellCustomer) {
	}

	@Operation(summary = "Open follow-ups, soonest due first (overdue ones flagged)")
	@GetMapping("/api/follow-ups")
	List<FollowUpView> open(@RequestParam(required = false) String owner,
			@Parameter(description = "Only those due before this instant, e.g. the end of today") @RequestParam(
					required = false) Instant dueBefore,
			@RequestParam(defaultValue = "100") int limit) {
		return this.followUps.open(owner, dueBefore, Limits.within(limit, 500));
	}

	@Operation(summary = "Schedule a follow-up on a case by hand")
	@PostMapping("/api/cases/{reference}/follow-ups")
	@ResponseStatus(HttpStatus.CREATED)
	FollowUpView schedule(@PathVariable String reference, @RequestBody ScheduleRequest request, Principal principal) {
		return this.followUps.schedule(reference, request.dueAt(), request.owner(), request.note(),
				principal.getName());
	}

	@Operation(summary = "Complete a follow-up with what was found")
	@PostMapping("/api/follow-ups/{id}/complete")
	FollowUpView complete(@PathVariable UUID id, @RequestBody CompleteRequest request, Principal principal) {
		return this.followUps.complete(id, request.outcome(), Boolean.TRUE.equals(request.tellCustomer()),
				principal.getName());
	}

}

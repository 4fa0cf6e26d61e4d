package io.rootcase.notices;

import java.util.List;
import java.util.UUID;

import io.rootcase.problems.Problems;
import io.rootcase.shared.Limits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notices to affected customers")
class NoticeApi {

	private static final int MAX_LIMIT = 10_000;

	private final Notices notices;

	NoticeApi(Notices notices) {
		this.notices = notices;
	}

	/**
	 * What to tell the customers: what is wrong, what to do meanwhile, when it is fixed.
	 */
	record NoticeRequest(String message) {
	}

	@Operation(summary = "A problem's notices to its customers, newest first, with who called about it since")
	@GetMapping("/api/problems/{reference}/notices")
	List<NoticeView> list(@PathVariable String reference) {
		return this.notices.ofProblem(reference);
	}

	@Operation(summary = "Whom a notice would reach now: customers with open linked cases, and the rest of its segment")
	@GetMapping("/api/problems/{reference}/notices/audience")
	Audience audience(@PathVariable String reference) {
		return this.notices.audience(reference);
	}

	@Operation(summary = "Tell every customer the problem affects (managers, or the owning team); "
			+ "the same message twice is refused")
	@PostMapping("/api/problems/{reference}/notices")
	@ResponseStatus(HttpStatus.CREATED)
	NoticeView publish(@PathVariable String reference, @RequestBody NoticeRequest request, Authentication who) {
		return this.notices.publish(reference, request.message(), Problems.Actor.of(who));
	}

	/**
	 * A page of the recipients; the {@code X-Total-Count} header says how many there are
	 * over all pages.
	 */
	@Operation(summary = "Whom a notice was sent to, on which channel and address: what a channel connector sends")
	@GetMapping("/api/problems/{reference}/notices/{id}/recipients")
	ResponseEntity<List<NoticeRecipient>> recipients(@PathVariable String reference, @PathVariable UUID id,
			@RequestParam(defaultValue = "1000") int limit, @RequestParam(defaultValue = "0") int offset) {
		Notices.Recipients recipients = this.notices.recipients(reference, id, Limits.within(limit, MAX_LIMIT), offset);
		return ResponseEntity.ok().header("X-Total-Count", Long.toString(recipients.total())).body(recipients.page());
	}

}

package io.rootcase.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operations")
class OperationsApi {

	private static final int MAX_LIMIT = 1000;

	private final BackgroundWork work;

	OperationsApi(BackgroundWork work) {
		this.work = work;
	}

	record RetryResponse(long failed) {
	}

	@GetMapping("/api/admin/background-work")
	@Operation(summary = "How much background work waits, and the failed work, oldest first")
	BackgroundWorkStatus status(@RequestParam(defaultValue = "100") int limit) {
		return this.work.status(Math.clamp(limit, 0, MAX_LIMIT));
	}

	@PostMapping("/api/admin/background-work/retry")
	@Operation(summary = "Runs all failed background work again now, work given up on included")
	RetryResponse retry() {
		return new RetryResponse(this.work.retryNow());
	}

}

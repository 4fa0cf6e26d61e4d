package io.rootcase.timeline;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Customers")
class TimelineApi {

	private final CustomerTimeline timelines;

	TimelineApi(CustomerTimeline timelines) {
		this.timelines = timelines;
	}

	@Operation(summary = "A customer's contacts, cases, actions and handovers across channels, oldest first")
	@GetMapping("/api/customers/{id}/timeline")
	Timeline timeline(@PathVariable UUID id) {
		return this.timelines.of(id);
	}

}

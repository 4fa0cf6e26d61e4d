package io.rootcase.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.rootcase.shared.Channel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Metrics")
class MetricsApi {

	private final ResolutionMetrics metrics;

	MetricsApi(ResolutionMetrics metrics) {
		this.metrics = metrics;
	}

	@Operation(summary = "Resolution figures for cases opened in [from, to) (managers); see docs/metrics.md")
	@GetMapping("/api/metrics/resolution")
	ResolutionFigures resolution(@RequestParam Instant from, @RequestParam Instant to,
			@RequestParam(required = false) String team, @RequestParam(required = false) String agent,
			@RequestParam(required = false) Channel channel, @RequestParam(required = false) String reason) {
		return this.metrics.figures(new MetricsFilter(from, to, team, agent, channel, reason));
	}

	@Operation(summary = "The same figures for each team, agent, channel or contact reason")
	@GetMapping("/api/metrics/resolution/breakdown")
	java.util.Map<String, ResolutionFigures> breakdown(@RequestParam Instant from, @RequestParam Instant to,
			@RequestParam ResolutionMetrics.Dimension by, @RequestParam(required = false) String team,
			@RequestParam(required = false) String agent, @RequestParam(required = false) Channel channel,
			@RequestParam(required = false) String reason) {
		return this.metrics.breakdown(new MetricsFilter(from, to, team, agent, channel, reason), by);
	}

	@Operation(summary = "The same figures bucket by bucket, for charts over time")
	@GetMapping("/api/metrics/resolution/series")
	List<ResolutionFigures> series(@RequestParam Instant from, @RequestParam Instant to,
			@Parameter(description = "ISO-8601 duration, e.g. P7D") @RequestParam(defaultValue = "P7D") Duration bucket,
			@RequestParam(required = false) String team, @RequestParam(required = false) String agent,
			@RequestParam(required = false) Channel channel, @RequestParam(required = false) String reason) {
		return this.metrics.series(new MetricsFilter(from, to, team, agent, channel, reason), bucket);
	}

}

package io.rootcase.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rootcase.metrics.MetricsFilter;
import io.rootcase.metrics.ResolutionFigures;
import io.rootcase.metrics.ResolutionMetrics;
import io.rootcase.metrics.TimeTaken;
import io.rootcase.shared.Channel;
import io.rootcase.staff.Staff;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The managers' resolution dashboard: the honest figures over a period, by team, and week
 * by week.
 */
@Controller
class MetricsConsole {

	private static final int DEFAULT_DAYS = 42;

	private final ResolutionMetrics metrics;

	private final Staff staff;

	private final Clock clock;

	MetricsConsole(ResolutionMetrics metrics, Staff staff, Clock clock) {
		this.metrics = metrics;
		this.staff = staff;
		this.clock = clock;
	}

	/** The period in whole days of the organisation's time zone, both ends included. */
	record Period(LocalDate from, LocalDate to, String team, Channel channel, String reason,
			ResolutionMetrics.Dimension by) {
	}

	@GetMapping("/metrics")
	String dashboard(@ModelAttribute("period") Period period, Model model) {
		LocalDate today = LocalDate.now(this.clock);
		LocalDate to = period.to() == null ? today : period.to();
		LocalDate from = period.from() == null ? to.minusDays(DEFAULT_DAYS - 1) : period.from();
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("teams", this.staff.teams());
		model.addAttribute("dimensions", ResolutionMetrics.Dimension.values());
		model.addAttribute("channels", Channel.values());
		String error = ConsoleResponses.attempt(() -> {
			MetricsFilter filter = new MetricsFilter(start(from), start(to.plusDays(1)), period.team(), null,
					period.channel(), period.reason());
			model.addAttribute("figures", this.metrics.figures(filter));
			ResolutionMetrics.Dimension by = period.by() == null ? ResolutionMetrics.Dimension.TEAM : period.by();
			model.addAttribute("by", by);
			model.addAttribute("breakdown", this.metrics.breakdown(filter, by));
			List<ResolutionFigures> weeks = this.metrics.series(filter, Duration.ofDays(7));
			model.addAttribute("weeks", weeks);
			// Plain lists, so the page can hand them to the chart as JavaScript literals.
			Map<String, List<?>> chart = new LinkedHashMap<>();
			chart.put("labels", weeks.stream().map(w -> w.from().toString().substring(0, 10)).toList());
			chart.put("cured", weeks.stream().map(ResolutionFigures::cured).toList());
			chart.put("relieved", weeks.stream().map(ResolutionFigures::relieved).toList());
			chart.put("unexplained", weeks.stream().map(ResolutionFigures::unexplained).toList());
			chart.put("confirmed", weeks.stream().map(ResolutionFigures::confirmedResolutions).toList());
			chart.put("unconfirmed", weeks.stream().map(ResolutionFigures::unconfirmedClosures).toList());
			chart.put("firstReplyHours", weeks.stream().map(w -> hours(w.firstReply())).toList());
			chart.put("confirmedAfterHours", weeks.stream().map(w -> hours(w.customerConfirmed())).toList());
			model.addAttribute("chart", chart);
		});
		model.addAttribute("error", error);
		return "metrics";
	}

	/** A week's median in hours, rounded for the chart; {@code null} leaves a gap. */
	private static Double hours(TimeTaken taken) {
		return taken.medianMinutes() == null ? null : Math.round(taken.medianMinutes() / 6) / 10.0;
	}

	private Instant start(LocalDate day) {
		return day.atStartOfDay(this.clock.getZone()).toInstant();
	}

}

package io.rootcase.trends;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.customers.CustomerView;
import io.rootcase.problems.ProblemView;
import io.rootcase.problems.Problems;
import io.rootcase.shared.ConflictException;
import io.rootcase.shared.ForbiddenException;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.shared.NotFoundException;
import io.rootcase.shared.Texts;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Surge alerts for managers: what surged, since when, against what was expected, with the
 * cases and customers behind it and the segment it concentrates in; and the decisions on
 * it (acknowledge, dismiss with a reason, turn into a problem or link to one).
 */
@Service
public class SurgeAlerts {

	private static final Duration HOUR = Duration.ofHours(1);

	private static final Duration CHART_BEFORE = Duration.ofHours(48);

	private static final Duration CHART_AFTER = Duration.ofHours(24);

	private static final Duration CHART_MAX = Duration.ofDays(10);

	private static final int CASES_SHOWN = 200;

	private final AlertRepository alerts;

	private final SeriesStore series;

	private final SurgeWatch watch;

	private final Cases cases;

	private final CustomerDirectory customers;

	private final Problems problems;

	private final Clock clock;

	SurgeAlerts(AlertRepository alerts, SeriesStore series, SurgeWatch watch, Cases cases, CustomerDirectory customers,
			Problems problems, Clock clock) {
		this.alerts = alerts;
		this.series = series;
		this.watch = watch;
		this.cases = cases;
		this.customers = customers;
		this.problems = problems;
		this.clock = clock;
	}

	/**
	 * Tests the hours not tested yet now rather than at the next scheduled run.
	 * @return the hours tested
	 */
	public int testNow() {
		return this.watch.testNewHours();
	}

	/** Surges of their own, not the segments' alerts that are part of them. */
	@Transactional(readOnly = true)
	public List<SurgeAlert> list(List<AlertState> states, int limit) {
		return this.alerts.list(states.isEmpty() ? List.of(AlertState.values()) : states, Math.clamp(limit, 1, 500));
	}

	/**
	 * The segments' alerts that are part of each of these alerts' surges, by the alert
	 * they are part of.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, List<SurgeAlert>> segments(List<SurgeAlert> wholes) {
		Map<UUID, List<SurgeAlert>> byWhole = new LinkedHashMap<>();
		this.alerts.partsOf(wholes.stream().map(SurgeAlert::id).toList())
			.forEach(part -> byWhole.computeIfAbsent(part.partOf(), id -> new ArrayList<>()).add(part));
		return byWhole;
	}

	/** New alerts no manager has looked at: the console's notification badge. */
	@Transactional(readOnly = true)
	public long waiting() {
		return this.alerts.count(AlertState.OPEN, Instant.EPOCH);
	}

	@Transactional(readOnly = true)
	public SurgeAlert get(UUID id) {
		return this.alerts.find(id).orElseThrow(() -> new NotFoundException("no surge alert " + id));
	}

	/** Observed contacts per hour against the baseline and its band. */
	public record Chart(List<Instant> hours, List<Long> observed, List<Double> expected, List<Long> upper) {
	}

	/** A segment where the surge is stronger than in the series as a whole. */
	public record Concentration(String attribute, String value, long observed, double share, double usualShare,
			double lift) {
	}

	/** A customer behind the surge. */
	public record Customer(UUID id, String label, long cases) {
	}

	/**
	 * Everything an alert's page shows.
	 *
	 * @param segments the segments' alerts that are part of this surge
	 */
	public record Evidence(SurgeAlert alert, Chart chart, List<CaseView> cases, long customerCount,
			List<Customer> customers, List<Concentration> concentrations, List<SurgeAlert> segments) {
	}

	@Transactional(readOnly = true)
	public Evidence evidence(UUID id) {
		SurgeAlert alert = get(id);
		List<CaseView> found = contributingCases(alert);
		Map<UUID, Long> byCustomer = new LinkedHashMap<>();
		found.forEach(c -> byCustomer.merge(c.customerId(), 1L, Long::sum));
		List<Customer> top = byCustomer.entrySet()
			.stream()
			.sorted(Map.Entry.<UUID, Long>comparingByValue().reversed())
			.limit(10)
			.map(e -> new Customer(e.getKey(),
					this.customers.find(e.getKey()).map(CustomerView::label).orElse(e.getKey().toString()),
					e.getValue()))
			.toList();
		return new Evidence(alert, chart(alert), found, byCustomer.size(), top, concentrations(alert),
				this.alerts.partsOf(List.of(alert.id())));
	}

	private List<CaseView> contributingCases(SurgeAlert alert) {
		return this.series.casesIn(alert.series(), alert.since(), alert.lastFlagged().plus(HOUR), CASES_SHOWN)
			.stream()
			.map(this.cases::find)
			.flatMap(Optional::stream)
			.toList();
	}

	Chart chart(SurgeAlert alert) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.HOURS);
		Instant to = min(alert.lastFlagged().plus(CHART_AFTER), now);
		Instant from = alert.since().minus(CHART_BEFORE);
		if (Duration.between(from, to).compareTo(CHART_MAX) > 0) {
			from = to.minus(CHART_MAX);
		}
		SurgeDetector detector = SurgeDetector.STANDARD;
		HourlyWindow window = HourlyWindow.load(this.series, this.alerts,
				from.minus(Duration.ofHours(detector.historyHours())), to, alert.series().key());
		List<Instant> labels = new ArrayList<>();
		List<Long> observed = new ArrayList<>();
		List<Double> expected = new ArrayList<>();
		List<Long> upper = new ArrayList<>();
		for (Instant h = from; h.isBefore(to); h = h.plus(HOUR)) {
			int at = window.index(h);
			window.shareShape(detector, at);
			SurgeTest test = window.test(detector, alert.series().key(), at);
			labels.add(h);
			observed.add(test.observed());
			expected.add(Math.round(test.expected() * 100) / 100.0);
			upper.add(test.upper());
		}
		return new Chart(labels, observed, expected, upper);
	}

	/**
	 * Segments of a reason's surge whose share of the surge is above their usual share of
	 * the reason, most concentrated first.
	 */
	private List<Concentration> concentrations(SurgeAlert alert) {
		SeriesKey key = alert.series();
		if (key.reason() == null || key.segment()) {
			return List.of();
		}
		Instant surgeEnd = alert.lastFlagged().plus(HOUR);
		Instant usualFrom = alert.since().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(28));
		Instant usualTo = alert.since().truncatedTo(ChronoUnit.DAYS);
		Map<String, Map<Instant, Long>> hourly = this.series.hourly(alert.since(), surgeEnd);
		Map<String, Map<Instant, Long>> daily = this.series.daily(usualFrom, usualTo);
		String prefix = key.key() + "|";
		long total = sum(hourly.get(key.key()));
		long usualTotal = sum(daily.get(key.key()));
		List<Concentration> found = new ArrayList<>();
		for (Map.Entry<String, Map<Instant, Long>> e : hourly.entrySet()) {
			if (!e.getKey().startsWith(prefix)) {
				continue;
			}
			SeriesKey segment = SeriesKey.parse(e.getKey());
			long observed = sum(e.getValue());
			// Add-one smoothing: a segment with no usual contacts is not infinitely
			// concentrated.
			double share = (observed + 1.0) / (total + 2.0);
			double usual = (sum(daily.get(e.getKey())) + 1.0) / (usualTotal + 2.0);
			if (observed >= SurgeTest.MIN_CONTACTS && share > usual) {
				found.add(
						new Concentration(segment.attribute(), segment.value(), observed, share, usual, share / usual));
			}
		}
		found.sort(Comparator.comparingDouble(Concentration::lift).reversed());
		return found.stream().limit(5).toList();
	}

	@Transactional
	public SurgeAlert acknowledge(UUID id, Problems.Actor actor) {
		return decide(id, actor, AlertState.ACKNOWLEDGED, null, null);
	}

	@Transactional
	public SurgeAlert dismiss(UUID id, String reason, Problems.Actor actor) {
		String why = Texts.blankToNull(reason);
		if (why == null) {
			throw InvalidRequestException.of("reason", "say why the alert is dismissed");
		}
		InvalidRequestException.requireAtMost("reason", why, 500, "a reason");
		return decide(id, actor, AlertState.DISMISSED, why.strip(), null);
	}

	/** What a problem opened from an alert says. */
	public record NewProblem(String title, String description, String team, String owner) {
	}

	/**
	 * Opens a problem for the surge and links the cases behind it.
	 */
	@Transactional
	public ProblemView openProblem(UUID id, NewProblem form, Problems.Actor actor) {
		SurgeAlert alert = requireUndecided(id, actor);
		SeriesKey key = alert.series();
		String description = Texts.blankToNull(form.description()) != null ? form.description()
				: "Surge of " + key.label() + " since " + alert.since() + ": " + alert.observed() + " contacts where "
						+ Math.round(alert.expected()) + " were expected.";
		ProblemView problem = this.problems.openFor(
				new Problems.ProblemForm(form.title(), description, form.team(), form.owner(), key.cause(), null,
						key.reason(), null, null, null, key.segment() ? key.attribute() + "=" + key.value() : null),
				contributingCases(alert), actor);
		SurgeAlert decided = alert.decided(AlertState.PROBLEM, actor.name(), this.clock.instant(), null,
				problem.reference());
		this.alerts.decide(decided);
		decideSegments(decided, problem);
		return problem;
	}

	/** Links the cases behind the surge to an existing problem. */
	@Transactional
	public ProblemView linkProblem(UUID id, String problemReference, Problems.Actor actor) {
		SurgeAlert alert = requireUndecided(id, actor);
		if (Texts.blankToNull(problemReference) == null) {
			throw InvalidRequestException.of("problem", "name the problem to link to");
		}
		ProblemView problem = this.problems.get(problemReference.strip());
		this.problems.linkUnlinked(problem.reference(), contributingCases(alert));
		SurgeAlert decided = alert.decided(AlertState.PROBLEM, actor.name(), this.clock.instant(), null,
				problem.reference());
		this.alerts.decide(decided);
		decideSegments(decided, problem);
		return problem;
	}

	/** How alerts were judged in the period: the share that were real problems. */
	public record Evaluation(long open, long acknowledged, long dismissed, long problems) {

		/** Problems among decided alerts, or {@code null} before any was decided. */
		public Double precision() {
			long decided = this.dismissed + this.problems;
			return decided == 0 ? null : (double) this.problems / decided;
		}

	}

	@Transactional(readOnly = true)
	public Evaluation evaluation(Duration period) {
		Instant since = this.clock.instant().minus(period);
		return new Evaluation(this.alerts.count(AlertState.OPEN, since),
				this.alerts.count(AlertState.ACKNOWLEDGED, since), this.alerts.count(AlertState.DISMISSED, since),
				this.alerts.count(AlertState.PROBLEM, since));
	}

	private SurgeAlert decide(UUID id, Problems.Actor actor, AlertState state, String reason, String problem) {
		SurgeAlert alert = requireUndecided(id, actor);
		SurgeAlert decided = alert.decided(state, actor.name(), this.clock.instant(), reason, problem);
		this.alerts.decide(decided);
		decideSegments(decided, null);
		return decided;
	}

	/**
	 * The decision on a surge is the decision on its segments' alerts not decided on
	 * their own; the cases behind them join the surge's problem (a segment may have
	 * surged over hours the reason as a whole did not).
	 */
	private void decideSegments(SurgeAlert whole, ProblemView problem) {
		for (SurgeAlert part : this.alerts.partsOf(List.of(whole.id()))) {
			if (part.state().undecided()) {
				this.alerts.decide(part.partOf(whole, this.clock.instant()));
				if (problem != null) {
					this.problems.linkUnlinked(problem.reference(), contributingCases(part));
				}
			}
		}
	}

	private SurgeAlert requireUndecided(UUID id, Problems.Actor actor) {
		if (!actor.manager()) {
			throw new ForbiddenException("only managers decide on surge alerts");
		}
		SurgeAlert alert = this.alerts.findForUpdate(id)
			.orElseThrow(() -> new NotFoundException("no surge alert " + id));
		if (!alert.state().undecided()) {
			throw new ConflictException("the alert is already " + Texts.words(alert.state())
					+ (alert.problemReference() == null ? "" : " (" + alert.problemReference() + ")"));
		}
		return alert;
	}

	private static long sum(Map<Instant, Long> counts) {
		return counts == null ? 0 : counts.values().stream().mapToLong(Long::longValue).sum();
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}

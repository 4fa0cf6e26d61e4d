package io.rootcase.trends;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.rootcase.shared.Ids;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tests every complete hour not tested yet, across all series at once: the surge test per
 * series, then the false-discovery control across them (in two families, see
 * {@link #discoveries}). A flagged series opens an alert, or extends its alert if it was
 * flagged in the last day (a surge lasting hours is one alert, not one per hour).
 */
@Service
class SurgeWatch {

	private static final Duration HOUR = Duration.ofHours(1);

	private static final Duration MERGE_GAP = Duration.ofHours(24);

	private static final int DATING_HOURS = 7 * 24;

	private final SeriesStore series;

	private final AlertRepository alerts;

	private final TrendSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SurgeDetector detector = SurgeDetector.STANDARD;

	SurgeWatch(SeriesStore series, AlertRepository alerts, TrendSettings settings, ApplicationEventPublisher events,
			Clock clock) {
		this.series = series;
		this.alerts = alerts;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Tests the hours since the last run, at most {@code catch-up} back.
	 * @return the hours tested
	 */
	@Transactional
	int testNewHours() {
		Instant current = this.clock.instant().truncatedTo(ChronoUnit.HOURS);
		Instant last = current.minus(HOUR);
		Instant earliest = current.minus(this.settings.catchUp()).truncatedTo(ChronoUnit.HOURS);
		Instant first = firstHourToTest(this.series.testedThrough(), this.series::firstCountedHour, earliest, current);
		if (first.isAfter(last)) {
			return 0;
		}
		Instant origin = first.minus(Duration.ofHours(this.detector.historyHours()));
		HourlyWindow window = HourlyWindow.load(this.series, this.alerts, origin, current, null);
		Map<String, SurgeAlert> latest = new HashMap<>();
		for (SurgeAlert alert : window.alerts()) {
			latest.merge(alert.series().key(), alert, (a, b) -> a.lastFlagged().isAfter(b.lastFlagged()) ? a : b);
		}
		List<String> keys = new ArrayList<>(window.series());
		boolean[] segment = new boolean[keys.size()];
		for (int i = 0; i < keys.size(); i++) {
			segment[i] = SeriesKey.parse(keys.get(i)).segment();
		}
		int tested = 0;
		for (Instant hour = first; !hour.isAfter(last); hour = hour.plus(HOUR)) {
			int at = window.index(hour);
			window.shareShape(this.detector, at);
			double[] p = new double[keys.size()];
			SurgeTest[] tests = new SurgeTest[keys.size()];
			for (int i = 0; i < keys.size(); i++) {
				tests[i] = window.test(this.detector, keys.get(i), at);
				p[i] = tests[i].pValue();
			}
			boolean[] discovered = discoveries(segment, p);
			for (int i = 0; i < keys.size(); i++) {
				if (discovered[i] && tests[i].contactsSince() >= SurgeTest.MIN_CONTACTS) {
					String key = keys.get(i);
					window.flags(key)[at] = true;
					latest.put(key, flag(latest.get(key), key, window, hour, tests[i]));
				}
			}
			tested++;
		}
		this.series.testedThrough(last);
		return tested;
	}

	/**
	 * The hour after the last one tested, at most {@code earliest}. On the first run
	 * (nothing tested yet) the hours before anything was counted are left out: every
	 * series is zero there, so no surge can be found, and on a fresh database a week of
	 * empty hours would be tested while the first contacts arrive.
	 * @param firstCounted the first hour with a count; asked only on the first run, as it
	 * reads every hourly count
	 * @return the first hour to test; after {@code current}'s previous hour when there is
	 * none
	 */
	static Instant firstHourToTest(Optional<Instant> testedThrough, Supplier<Optional<Instant>> firstCounted,
			Instant earliest, Instant current) {
		Instant first = testedThrough.map(t -> t.plus(HOUR)).orElseGet(() -> firstCounted.get().orElse(current));
		return first.isBefore(earliest) ? earliest : first;
	}

	/**
	 * The false-discovery control, within two families: the series of every contact,
	 * reason and root cause, and the segment series. Segments outnumber the rest many
	 * times over (every reason times every attribute value); in one family they would
	 * blunt the test of the reasons themselves.
	 */
	private boolean[] discoveries(boolean[] segment, double[] p) {
		boolean[] discovered = new boolean[p.length];
		for (boolean segments : new boolean[] { false, true }) {
			List<Integer> family = new ArrayList<>();
			for (int i = 0; i < p.length; i++) {
				if (segment[i] == segments) {
					family.add(i);
				}
			}
			if (!family.isEmpty()) {
				boolean[] found = FalseDiscovery.discoveries(family.stream().mapToDouble(i -> p[i]).toArray(),
						this.settings.falseDiscoveryRate());
				for (int j = 0; j < found.length; j++) {
					discovered[family.get(j)] = found[j];
				}
			}
		}
		return discovered;
	}

	private SurgeAlert flag(SurgeAlert previous, String key, HourlyWindow window, Instant hour, SurgeTest test) {
		if (previous != null && !previous.lastFlagged().plus(MERGE_GAP).isBefore(hour)) {
			long observed = previous.observed() + test.observed();
			double expected = previous.expected() + test.expected();
			SurgeAlert extended = previous.flaggedAgain(hour, observed, expected, test.pValue());
			this.alerts.extend(extended);
			return extended;
		}
		// Dated from the step up that explains the last week best, if that is earlier.
		SurgeDetector.Rise rise = window.rise(this.detector, key, window.index(hour), DATING_HOURS);
		boolean earlier = rise.start() < test.since();
		Instant since = window.hour(earlier ? rise.start() : test.since());
		Instant now = this.clock.instant();
		SurgeAlert alert = new SurgeAlert(Ids.next(), SeriesKey.parse(key), AlertState.OPEN, since, hour, now,
				earlier ? rise.observed() : test.contactsSince(), earlier ? rise.expected() : test.expectedSince(),
				test.pValue(), null, null, null, null, null);
		List<SurgeAlert> related = alert.series().reason() == null ? List.of()
				: this.alerts.ofReasonFlaggedSince(alert.series().reason(), since.minus(MERGE_GAP));
		Optional<SurgeAlert> whole = related.stream()
			.filter(other -> alert.segmentOf(other, MERGE_GAP))
			.max(Comparator.comparing(SurgeAlert::lastFlagged));
		if (whole.isPresent()) {
			// Not a surge of its own: no notice goes out, and it takes the decision
			// already made on the reason's surge.
			SurgeAlert part = alert.partOf(whole.get(), now);
			this.alerts.insert(part);
			return part;
		}
		this.alerts.insert(alert);
		for (SurgeAlert segment : related) {
			if (segment.partOf() == null && segment.state().undecided() && segment.segmentOf(alert, MERGE_GAP)) {
				this.alerts.decide(segment.partOf(alert, now));
			}
		}
		this.events
			.publishEvent(new SurgeDetected(alert.id(), key, alert.label(), since, alert.observed(), alert.expected()));
		return alert;
	}

	/** Hours since Monday 00:00 UTC, the detector's weekly seasons. */
	static int hourOfWeek(Instant hour) {
		var t = hour.atOffset(ZoneOffset.UTC);
		return (t.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()) * 24 + t.getHour();
	}

}

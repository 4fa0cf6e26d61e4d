package io.rootcase.trends;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hourly counts of series over a stretch of hours, with the hours their alerts flagged
 * (which the baseline leaves out), as the detector reads them.
 */
final class HourlyWindow {

	private static final Duration HOUR = Duration.ofHours(1);

	private final Instant origin;

	private final int hours;

	private final Map<String, long[]> counts = new HashMap<>();

	private final Map<String, boolean[]> flagged = new HashMap<>();

	private final List<SurgeAlert> alerts;

	private SurgeDetector.Shape shared;

	private HourlyWindow(Instant origin, Instant to, List<SurgeAlert> alerts) {
		this.origin = origin;
		this.hours = (int) Duration.between(origin, to).toHours();
		this.alerts = alerts;
	}

	/**
	 * @param only the series to load, or every series when {@code null}
	 */
	static HourlyWindow load(SeriesStore store, AlertRepository alertRepository, Instant origin, Instant to,
			String only) {
		List<SurgeAlert> alerts = alertRepository.flaggedSince(origin)
			.stream()
			.filter(a -> only == null || a.series().key().equals(only))
			.toList();
		HourlyWindow window = new HourlyWindow(origin, to, alerts);
		Map<String, Map<Instant, Long>> hourly = new HashMap<>();
		if (only == null) {
			hourly.putAll(store.hourly(origin, to));
		}
		else {
			// All contacts too: their weekly shape is shared with the series.
			for (String key : List.of(only, SeriesKey.ALL.key())) {
				hourly.put(key, store.counts(key, SeriesStore.HOUR, origin, to));
			}
		}
		hourly.forEach((key, byHour) -> {
			long[] c = window.counts(key);
			byHour.forEach((hour, n) -> c[window.index(hour)] = n);
		});
		for (SurgeAlert alert : alerts) {
			boolean[] f = window.flags(alert.series().key());
			for (Instant h = alert.since().isAfter(origin) ? alert.since() : origin; !h.isAfter(alert.lastFlagged())
					&& h.isBefore(to); h = h.plus(HOUR)) {
				f[window.index(h)] = true;
			}
		}
		return window;
	}

	int index(Instant hour) {
		return (int) Duration.between(this.origin, hour).toHours();
	}

	Instant hour(int index) {
		return this.origin.plus(Duration.ofHours(index));
	}

	Set<String> series() {
		return this.counts.keySet();
	}

	long[] counts(String series) {
		return this.counts.computeIfAbsent(series, k -> new long[this.hours]);
	}

	boolean[] flags(String series) {
		return this.flagged.computeIfAbsent(series, k -> new boolean[this.hours]);
	}

	List<SurgeAlert> alerts() {
		return this.alerts;
	}

	/**
	 * The weekly shape of all contacts as of the hour, which sparser series borrow.
	 */
	void shareShape(SurgeDetector detector, int at) {
		String all = SeriesKey.ALL.key();
		this.shared = detector.shape(counts(all), flags(all), SurgeWatch.hourOfWeek(this.origin), at);
	}

	/** Tests one hour of one series. */
	SurgeTest test(SurgeDetector detector, String series, int at) {
		return detector.test(counts(series), flags(series), SurgeWatch.hourOfWeek(this.origin), at, shapeFor(series));
	}

	/** Dates the rise of a series flagged at the hour. */
	SurgeDetector.Rise rise(SurgeDetector detector, String series, int at, int lookbackHours) {
		return detector.changePoint(counts(series), flags(series), SurgeWatch.hourOfWeek(this.origin), at,
				lookbackHours, shapeFor(series));
	}

	private SurgeDetector.Shape shapeFor(String series) {
		return series.equals(SeriesKey.ALL.key()) ? null : this.shared;
	}

}

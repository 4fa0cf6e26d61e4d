package io.rootcase.trends;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trends dashboard's figures: which series moved most this week, and any series'
 * contacts per day.
 */
@Service
public class TrendsOverview {

	private static final int WEEK = 7;

	private static final int USUAL_WEEKS = 4;

	private final SeriesStore series;

	private final Clock clock;

	TrendsOverview(SeriesStore series, Clock clock) {
		this.series = series;
		this.clock = clock;
	}

	/**
	 * A series' change.
	 *
	 * @param lastWeek contacts in the last seven days (today included)
	 * @param usualWeek the mean weekly contacts of the four weeks before
	 * @param score how unusual the change is: the difference in Poisson standard
	 * deviations of the usual week
	 * @param daily contacts per day over the five weeks, oldest first
	 */
	public record Mover(String key, String label, long lastWeek, double usualWeek, double score, List<Long> daily) {

		/** The change as a fraction of the usual week. */
		public double change() {
			return this.usualWeek == 0 ? Double.POSITIVE_INFINITY : this.lastWeek / this.usualWeek - 1;
		}

	}

	/** Contacts per day of one series. */
	public record Daily(String key, String label, List<LocalDate> days, List<Long> contacts) {
	}

	/**
	 * Reasons and root causes (not segments: they repeat their reason), most unusual rise
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<Mover> movers(int limit) {
		Instant tomorrow = today().plus(Duration.ofDays(1));
		Instant from = tomorrow.minus(Duration.ofDays(WEEK * (USUAL_WEEKS + 1)));
		Map<String, Map<Instant, Long>> daily = this.series.daily(from, tomorrow);
		List<Mover> movers = new ArrayList<>();
		daily.forEach((key, byDay) -> {
			SeriesKey series = SeriesKey.parse(key);
			if (series.segment()) {
				return;
			}
			List<Long> days = days(byDay, from, WEEK * (USUAL_WEEKS + 1));
			long last = days.subList(days.size() - WEEK, days.size()).stream().mapToLong(Long::longValue).sum();
			double usual = days.subList(0, days.size() - WEEK).stream().mapToLong(Long::longValue).sum()
					/ (double) USUAL_WEEKS;
			movers.add(new Mover(key, series.label(), last, usual, (last - usual) / Math.sqrt(usual + 1), days));
		});
		movers.sort(Comparator.comparingDouble(Mover::score).reversed().thenComparing(Mover::key));
		return movers.stream().limit(limit).toList();
	}

	@Transactional(readOnly = true)
	public Daily daily(SeriesKey key, int days) {
		Instant tomorrow = today().plus(Duration.ofDays(1));
		Instant from = tomorrow.minus(Duration.ofDays(days));
		List<LocalDate> dates = new ArrayList<>();
		for (int d = 0; d < days; d++) {
			dates.add(LocalDate.ofInstant(from.plus(Duration.ofDays(d)), ZoneOffset.UTC));
		}
		return new Daily(key.key(), key.label(), dates,
				days(this.series.counts(key.key(), SeriesStore.DAY, from, tomorrow), from, days));
	}

	private static List<Long> days(Map<Instant, Long> byDay, Instant from, int days) {
		List<Long> counts = new ArrayList<>();
		for (int d = 0; d < days; d++) {
			counts.add(byDay.getOrDefault(from.plus(Duration.ofDays(d)), 0L));
		}
		return counts;
	}

	private Instant today() {
		return this.clock.instant().truncatedTo(ChronoUnit.DAYS);
	}

}

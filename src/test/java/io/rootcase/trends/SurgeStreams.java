package io.rootcase.trends;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * Hourly contact streams shaped like the demo's traffic (busier on weekdays, most
 * contacts between 8:00 and 21:00), over-dispersed (a gamma-mixed Poisson, so a negative
 * binomial), with surges injected at random hours, and the streaming run of the surge
 * detector over them: every hour is tested only from the hours before it, as the hourly
 * job does.
 */
public final class SurgeStreams {

	/** Hour-of-day shares of the demo generator's minute-of-day draw. */
	private static final double[] HOUR_SHARE = new double[24];

	static {
		for (int h = 0; h < 24; h++) {
			HOUR_SHARE[h] = h < 7 ? 0.05 / 7 : h < 8 ? 0 : h < 14 ? 0.5 / 6 : h < 21 ? 0.35 / 7 : 0.1 / 3;
		}
	}

	private SurgeStreams() {
	}

	/**
	 * One stream.
	 *
	 * @param counts contacts per hour, starting on a Monday at 00:00
	 * @param surgeStarts the hours surges start
	 */
	public record Stream(long[] counts, List<Integer> surgeStarts, int surgeHours) {
	}

	/**
	 * @param perDay mean contacts per day before surges
	 * @param lift the surge's rate as a multiple of the baseline
	 * @param dispersion the negative binomial's dispersion (0 is Poisson)
	 */
	public static Stream generate(long seed, int weeks, double perDay, double lift, int surges, int surgeHours,
			double dispersion) {
		int hours = weeks * 168;
		SplittableRandom random = new SplittableRandom(seed);
		UniformRandomProvider rng = random::nextLong;
		List<Integer> starts = new ArrayList<>();
		// Surges land after four weeks of learning, at least a week apart.
		int room = (hours - 28 * 24) / Math.max(1, surges);
		for (int s = 0; s < surges; s++) {
			starts.add(28 * 24 + s * room + random.nextInt(Math.max(1, room - surgeHours - 48)));
		}
		long[] counts = new long[hours];
		for (int t = 0; t < hours; t++) {
			double mean = expected(perDay, t);
			for (int start : starts) {
				if (t >= start && t < start + surgeHours) {
					mean *= lift;
				}
			}
			double rate = dispersion <= 0 || mean <= 0 ? mean
					: GammaDistribution.of(1 / dispersion, mean * dispersion).createSampler(rng).sample();
			counts[t] = rate <= 0 ? 0 : PoissonDistribution.of(rate).createSampler(rng).sample();
		}
		return new Stream(counts, starts, surgeHours);
	}

	/**
	 * The mean contacts of an hour without a surge (hour 0 is a Monday at 00:00): what an
	 * oracle that knew the traffic's true shape would test against.
	 */
	public static double expected(double perDay, int hour) {
		int day = (hour / 24) % 7;
		return perDay * (day >= 5 ? 0.7 : 1.1) * HOUR_SHARE[hour % 24];
	}

	/**
	 * The hours the detector flags, hour by hour from the fifth week, a flag at level
	 * {@code q} as the job's false-discovery control gives a series tested alone.
	 */
	public static boolean[] watch(long[] counts, double q) {
		boolean[] flagged = new boolean[counts.length];
		for (int t = 28 * 24; t < counts.length; t++) {
			SurgeTest test = SurgeDetector.STANDARD.test(counts, flagged, 0, t);
			flagged[t] = test.surging(q);
		}
		return flagged;
	}

}

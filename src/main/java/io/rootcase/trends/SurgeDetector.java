package io.rootcase.trends;

import java.util.Arrays;

/**
 * Tests the latest hour of an hourly count series for a surge.
 * <p>
 * The baseline is fitted on the weeks before the last day (the guard), leaving out hours
 * already flagged so a surge does not teach the baseline that it is normal. Expected
 * contacts in an hour are a level times a day-of-week factor and an hour-of-day factor;
 * every factor is shrunk toward one by a contact of prior weight, so sparse series get
 * the plain level and busy series their own weekly shape. (A free hour-of-week shape was
 * tried: four weeks give each of its 168 hours too few observations, and its noise passed
 * for surges.) Recent weeks weigh more (a half-life), which follows a trend. The spread
 * around the baseline is a negative binomial whose dispersion is estimated from the same
 * hours, widened by the expectation's own estimation error.
 * <p>
 * Two tests then look at the guard: the upper tail of the latest hour alone (a sudden
 * spike) and a Poisson CUSUM for a rise by {@code rise} times, whose segment since it
 * last stood at zero is tested as one summed count (a slow-building rise), Bonferroni
 * corrected for the hours of the guard it could have started at. The series' p-value is
 * the smaller of the two, doubled for testing twice.
 *
 * @param historyHours hours of history the baseline learns from
 * @param guardHours the most recent hours kept out of the baseline and watched by the
 * CUSUM
 * @param halfLifeHours how fast older weeks lose weight
 * @param rise the rate increase the CUSUM is tuned to find
 * @param prior contacts of prior weight each seasonal factor is shrunk with
 */
record SurgeDetector(int historyHours, int guardHours, double halfLifeHours, double rise, double prior) {

	/**
	 * Four weeks of history and a guard of three days. With a guard of one day a sparse
	 * reason's surge building over days taught the baseline that it was normal before its
	 * summed count stood out (the demo's billing surge went unflagged); three days cost a
	 * point of recall within two hours (a wider Bonferroni correction) and spend fewer
	 * false alerts (docs/benchmarks.md, trends).
	 */
	static final SurgeDetector STANDARD = new SurgeDetector(28 * 24, 72, 7 * 24, 1.5, 1);

	private static final double MAX_DISPERSION = 5;

	/**
	 * Squared expected contacts of prior weight on a Poisson spread when estimating the
	 * dispersion: nothing against a busy series' thousands, most of a sparse one's.
	 */
	private static final double DISPERSION_PRIOR = 20;

	/**
	 * How many contacts' weight the shared weekly shape carries against a series' own:
	 * enough to give a sparse reason the organisation's rhythm, little against a busy
	 * one's own.
	 */
	private static final double SHARED_SHAPE_WEIGHT = 10;

	SurgeDetector {
		if (historyHours <= guardHours || guardHours < 1 || halfLifeHours <= 0 || rise <= 1 || prior <= 0) {
			throw new IllegalArgumentException("a surge detector needs history longer than its guard, a positive "
					+ "half-life and prior weight, and a rise above 1");
		}
	}

	/**
	 * @param counts contacts per hour, oldest first
	 * @param flagged hours already flagged as surging, left out of the baseline
	 * @param firstHourOfWeek the hour of the week (0 = Monday 00:00) of {@code counts[0]}
	 * @param at the hour to test
	 */
	SurgeTest test(long[] counts, boolean[] flagged, int firstHourOfWeek, int at) {
		return test(counts, flagged, firstHourOfWeek, at, null);
	}

	/**
	 * @param shared the weekly shape of all contacts, which a series' own shape is shrunk
	 * toward (a sparse reason follows the organisation's rhythm); {@code null} shrinks
	 * toward a flat week
	 */
	SurgeTest test(long[] counts, boolean[] flagged, int firstHourOfWeek, int at, Shape shared) {
		if (counts.length != flagged.length || at < 0 || at >= counts.length) {
			throw new IllegalArgumentException("the hour to test must lie in the series");
		}
		Baseline baseline = baseline(counts, flagged, firstHourOfWeek, at, shared);
		int from = Math.max(0, at - this.guardHours + 1);
		double mu = baseline.expectedAt(at);
		double spike = CountTail.atLeast(counts[at], mu, baseline.dispersionAt(at));
		double score = 0;
		double best = 1;
		int bestStart = at;
		int start = from;
		double logRise = Math.log(this.rise);
		for (int j = from; j <= at; j++) {
			score = Math.max(0, score + counts[j] * logRise - (this.rise - 1) * baseline.expectedAt(j));
			if (score == 0) {
				start = j + 1;
			}
		}
		if (score > 0) {
			long sum = 0;
			double mean = 0;
			double spread = 0;
			for (int j = start; j <= at; j++) {
				double m = baseline.expectedAt(j);
				sum += counts[j];
				mean += m;
				spread += m * m * baseline.dispersionAt(j);
			}
			// The segment could have started at any hour of the guard.
			best = Math.min(1, this.guardHours * CountTail.atLeast(sum, mean, spread / (mean * mean)));
			bestStart = start;
		}
		double p = Math.min(1, 2 * Math.min(spike, best));
		int since = spike <= best ? at : bestStart;
		long contactsSince = 0;
		double expectedSince = 0;
		for (int j = since; j <= at; j++) {
			contactsSince += counts[j];
			expectedSince += baseline.expectedAt(j);
		}
		return new SurgeTest(counts[at], mu, baseline.dispersionAt(at), p, since, contactsSince, expectedSince);
	}

	/**
	 * Dates a rise flagged at {@code at}: the start of the step up that best explains the
	 * hours since, looking back up to {@code lookbackHours} (the maximum-likelihood
	 * change point of a Poisson rate, given the baseline). The CUSUM alone dates a rise
	 * only within its guard; a rise in a sparse series is often flagged a day or more
	 * after it began.
	 */
	Rise changePoint(long[] counts, boolean[] flagged, int firstHourOfWeek, int at, int lookbackHours, Shape shared) {
		Baseline baseline = baseline(counts, flagged, firstHourOfWeek, at, shared);
		double best = 0;
		int start = at;
		long observed = 0;
		double expected = 0;
		for (int tau = at; tau >= Math.max(0, at - lookbackHours + 1); tau--) {
			observed += counts[tau];
			expected += baseline.expectedAt(tau);
			if (observed > expected && expected > 0) {
				double gain = observed * Math.log(observed / expected) - (observed - expected);
				if (gain > best) {
					best = gain;
					start = tau;
				}
			}
		}
		// The hours before the first contact of the rise add nothing: date it from there.
		while (start < at && counts[start] == 0) {
			start++;
		}
		long riseObserved = 0;
		double riseExpected = 0;
		for (int j = start; j <= at; j++) {
			riseObserved += counts[j];
			riseExpected += baseline.expectedAt(j);
		}
		return new Rise(start, riseObserved, riseExpected);
	}

	/** A dated rise: its first hour and its contacts against the expected ones since. */
	record Rise(int start, long observed, double expected) {
	}

	/**
	 * A weekly shape: day-of-week and hour-of-day factors.
	 */
	record Shape(double[] day, double[] hour) {

		static Shape flat() {
			double[] day = new double[7];
			double[] hour = new double[24];
			Arrays.fill(day, 1);
			Arrays.fill(hour, 1);
			return new Shape(day, hour);
		}

	}

	/** The weekly shape of a series, to share with sparser ones. */
	Shape shape(long[] counts, boolean[] flagged, int firstHourOfWeek, int at) {
		Baseline baseline = baseline(counts, flagged, firstHourOfWeek, at, null);
		return new Shape(baseline.day(), baseline.hour());
	}

	/**
	 * The baseline: expected contacts per hour from a level, day-of-week and hour-of-day
	 * factors, with how much data each rests on.
	 *
	 * @param dispersion the negative binomial dispersion of counts around it
	 * @param levelWeight the (weighted) contacts the level rests on
	 * @param dayWeight the contacts, observed and prior, each day factor rests on
	 * @param hourWeight the same for each hour factor
	 */
	private record Baseline(double level, double[] day, double[] hour, int firstHourOfWeek, double dispersion,
			double levelWeight, double[] dayWeight, double[] hourWeight) {

		double expectedAt(int index) {
			return expected(this.level, this.day, this.hour, this.firstHourOfWeek + index);
		}

		/**
		 * The dispersion of the predictive distribution at an hour: the counts' own plus
		 * the relative variance of the expectation, which is learned from a few weeks of
		 * counts (that of a gamma posterior is one over the contacts it rests on), so
		 * neither a busy hour nor a sparse reason is held to the precision of a known
		 * rate.
		 */
		double dispersionAt(int index) {
			int s = Math.floorMod(this.firstHourOfWeek + index, 168);
			return this.dispersion + 1 / this.levelWeight + 1 / this.dayWeight[s / 24] + 1 / this.hourWeight[s % 24];
		}

	}

	/**
	 * The baseline fitted on the history before the guard of {@code at}.
	 */
	private Baseline baseline(long[] counts, boolean[] flagged, int firstHourOfWeek, int at, Shape shared) {
		int from = Math.max(0, at - this.guardHours + 1);
		int oldest = Math.max(0, from - (this.historyHours - this.guardHours));
		double[] weight = new double[from - oldest];
		double totalWeight = 0;
		double totalCount = 0;
		for (int i = oldest; i < from; i++) {
			if (!flagged[i]) {
				weight[i - oldest] = Math.pow(0.5, (at - i) / this.halfLifeHours);
				totalWeight += weight[i - oldest];
				totalCount += weight[i - oldest] * counts[i];
			}
		}
		// Half a contact over the whole history when there is none: a series that never
		// had a contact is not infinitely surprised by its first.
		double level = Math.max(totalCount, 0.5 * Math.max(totalWeight, 1) / this.historyHours)
				/ Math.max(totalWeight, 1e-9);
		Shape prior = shared == null ? Shape.flat() : shared;
		double strength = shared == null ? this.prior : this.prior * SHARED_SHAPE_WEIGHT;
		double[] day = prior.day().clone();
		double[] hour = prior.hour().clone();
		double[] dayWeight = new double[7];
		double[] hourWeight = new double[24];
		// Iterative proportional fitting: the guard cuts the latest day in two, so one
		// family fitted alone would blame the other's shape on it.
		for (int round = 0; round < 3; round++) {
			fit(counts, weight, oldest, from, firstHourOfWeek, level, day, hour, prior.day(), strength, dayWeight,
					true);
			fit(counts, weight, oldest, from, firstHourOfWeek, level, day, hour, prior.hour(), strength, hourWeight,
					false);
		}
		double excess = 0;
		double scale = 0;
		for (int i = oldest; i < from; i++) {
			double w = weight[i - oldest];
			if (w > 0) {
				double mu = expected(level, day, hour, firstHourOfWeek + i);
				excess += w * ((counts[i] - mu) * (counts[i] - mu) - mu);
				scale += w * mu * mu;
			}
		}
		// Shrunk toward Poisson: in a sparse series a few contacts on one day would
		// otherwise pass for wild over-dispersion and hide any surge.
		double dispersion = Math.min(MAX_DISPERSION, Math.max(0, excess / (scale + DISPERSION_PRIOR)));
		return new Baseline(level, day, hour, firstHourOfWeek, dispersion, totalCount + this.prior, dayWeight,
				hourWeight);
	}

	/**
	 * Fits the day-of-week factors ({@code byDay}) or the hour-of-day factors given the
	 * others, each shrunk toward the prior shape's by the prior weight; records the
	 * contacts each rests on.
	 */
	private void fit(long[] counts, double[] weight, int oldest, int from, int firstHourOfWeek, double level,
			double[] day, double[] hour, double[] prior, double strength, double[] restsOn, boolean byDay) {
		double[] factors = byDay ? day : hour;
		double[] observed = new double[factors.length];
		double[] expected = new double[factors.length];
		for (int i = oldest; i < from; i++) {
			double w = weight[i - oldest];
			if (w > 0) {
				int s = Math.floorMod(firstHourOfWeek + i, 168);
				int index = byDay ? s / 24 : s % 24;
				double others = level * (byDay ? hour[s % 24] : day[s / 24]);
				observed[index] += w * counts[i];
				expected[index] += w * others;
			}
		}
		for (int k = 0; k < factors.length; k++) {
			factors[k] = (observed[k] + strength * prior[k]) / (expected[k] + strength);
			restsOn[k] = observed[k] + strength;
		}
	}

	private static double expected(double level, double[] day, double[] hour, int hourOfWeek) {
		int s = Math.floorMod(hourOfWeek, 168);
		return level * day[s / 24] * hour[s % 24];
	}

}

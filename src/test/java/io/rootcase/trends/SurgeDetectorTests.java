package io.rootcase.trends;

import java.util.Arrays;
import java.util.function.LongFunction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class SurgeDetectorTests {

	private static final int WEEKS = 13;

	private static final int WATCHED_MONTHS_PER_SERIES = 2;

	@Test
	void quietSeasonalPoissonSeriesRaiseAtMostOneFalseAlertPerSeriesPerMonth() {
		int alerts = 0;
		int series = 20;
		for (int seed = 0; seed < series; seed++) {
			SurgeStreams.Stream stream = SurgeStreams.generate(seed, WEEKS, 240, 1, 0, 24, 0);
			alerts += alertOnsets(SurgeStreams.watch(stream.counts(), 0.001));
		}
		assertThat((double) alerts / (series * WATCHED_MONTHS_PER_SERIES)).isLessThanOrEqualTo(1.0);
	}

	@Test
	void overDispersedSeriesDoNotPassForSurgesOnceTheDispersionIsLearned() {
		int alerts = 0;
		int series = 20;
		for (int seed = 100; seed < 100 + series; seed++) {
			SurgeStreams.Stream stream = SurgeStreams.generate(seed, WEEKS, 240, 1, 0, 24, 0.1);
			alerts += alertOnsets(SurgeStreams.watch(stream.counts(), 0.001));
		}
		assertThat((double) alerts / (series * WATCHED_MONTHS_PER_SERIES)).isLessThanOrEqualTo(1.0);
	}

	@Test
	void aSurgeOfSevenTimesTheUsualRateIsFlaggedWithinTwoHoursMostOfTheTime() {
		assertThat(shareFlaggedWithin(30, seed -> SurgeStreams.generate(seed, WEEKS, 240, 7, 2, 24, 0.05), 0.001, 2))
			.isGreaterThanOrEqualTo(0.9);
	}

	/**
	 * The share of the streams' surges flagged within their first {@code hours} hours.
	 */
	private static double shareFlaggedWithin(int seeds, LongFunction<SurgeStreams.Stream> streams, double q,
			int hours) {
		int surges = 0;
		int caught = 0;
		for (int seed = 0; seed < seeds; seed++) {
			SurgeStreams.Stream stream = streams.apply(seed);
			boolean[] flagged = SurgeStreams.watch(stream.counts(), q);
			for (int start : stream.surgeStarts()) {
				surges++;
				for (int t = start; t < Math.min(start + hours, flagged.length); t++) {
					if (flagged[t]) {
						caught++;
						break;
					}
				}
			}
		}
		return (double) caught / surges;
	}

	@Test
	void aSlowRiseThatNoSingleHourGivesAwayIsFoundByTheCusumAndDatedFromItsStart() {
		int rises = 0;
		int found = 0;
		int datedEarlier = 0;
		for (int seed = 0; seed < 10; seed++) {
			// A third more contacts for four days: no single hour stands out.
			SurgeStreams.Stream stream = SurgeStreams.generate(seed, 8, 480, 1.35, 1, 96, 0);
			int start = stream.surgeStarts().get(0);
			boolean[] flagged = SurgeStreams.watch(stream.counts(), 0.001);
			rises++;
			for (int t = start; t < start + 96; t++) {
				if (flagged[t]) {
					found++;
					SurgeTest test = SurgeDetector.STANDARD.test(stream.counts(), new boolean[flagged.length], 0, t);
					datedEarlier += test.since() < t ? 1 : 0;
					break;
				}
			}
		}
		assertThat(found).as("rises found").isGreaterThanOrEqualTo(rises * 8 / 10);
		assertThat(datedEarlier).as("found by the CUSUM, dated before the hour flagged")
			.isGreaterThanOrEqualTo(found / 2);
	}

	@Test
	void aSparseReasonSurgingForDaysIsFoundBeforeItsBaselineLearnsTheSurgeAsNormal() {
		// Two contacts a day, five times as many for six days: the demo's billing surge.
		// One series among forty at a false-discovery rate of 0.001 must reach 0.001 /
		// 40.
		assertThat(
				shareFlaggedWithin(40, seed -> SurgeStreams.generate(seed, WEEKS, 2, 5, 1, 144, 0.05), 0.001 / 40, 144))
			.isGreaterThanOrEqualTo(0.9);
	}

	@Test
	void aSeriesThatNeverHadAContactIsNotSurgingWithItsFirstTwo() {
		long[] counts = new long[28 * 24 + 1];
		counts[counts.length - 1] = 2;
		SurgeTest test = SurgeDetector.STANDARD.test(counts, new boolean[counts.length], 0, counts.length - 1);
		assertThat(test.surging(0.001)).isFalse();
		counts[counts.length - 1] = 6;
		assertThat(SurgeDetector.STANDARD.test(counts, new boolean[counts.length], 0, counts.length - 1).surging(0.001))
			.isTrue();
	}

	@Test
	void hoursAlreadyFlaggedAreLeftOutOfTheBaseline() {
		long[] counts = new long[29 * 24];
		Arrays.fill(counts, 2);
		boolean[] flagged = new boolean[counts.length];
		// A week of surge, flagged, just before the guard: it must not raise the
		// baseline.
		for (int t = 20 * 24; t < 27 * 24; t++) {
			counts[t] = 20;
			flagged[t] = true;
		}
		int at = counts.length - 1;
		assertThat(SurgeDetector.STANDARD.test(counts, flagged, 0, at).expected()).isCloseTo(2,
				org.assertj.core.api.Assertions.within(0.3));
		assertThat(SurgeDetector.STANDARD.test(counts, new boolean[counts.length], 0, at).expected()).isGreaterThan(4);
	}

	@Test
	void constantAndEmptySeriesAreTestedWithoutFailing() {
		long[] empty = new long[28 * 24];
		SurgeTest quiet = SurgeDetector.STANDARD.test(empty, new boolean[empty.length], 5, empty.length - 1);
		assertThat(quiet.pValue()).isEqualTo(1.0);
		long[] constant = new long[28 * 24];
		Arrays.fill(constant, 5);
		assertThat(SurgeDetector.STANDARD.test(constant, new boolean[constant.length], 0, constant.length - 1).pValue())
			.isGreaterThan(0.1);
	}

	@Test
	void theHourTestedMustLieInTheSeries() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SurgeDetector.STANDARD.test(new long[10], new boolean[10], 0, 10));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SurgeDetector.STANDARD.test(new long[10], new boolean[9], 0, 5));
	}

	/** Flags after a day without one: how many alerts the watch would open. */
	private static int alertOnsets(boolean[] flagged) {
		int onsets = 0;
		int last = -100;
		for (int t = 0; t < flagged.length; t++) {
			if (flagged[t]) {
				if (t - last > 24) {
					onsets++;
				}
				last = t;
			}
		}
		return onsets;
	}

}

package io.rootcase.trends;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ValueDetectorTests {

	private Instant clock = Instant.parse("2026-11-02T00:00:00Z");

	/** Rows five minutes apart, as most of NAB's are. */
	private Instant at() {
		this.clock = this.clock.plusSeconds(300);
		return this.clock;
	}

	@Test
	void nothingIsScoredDuringTheWarmUp() {
		ValueDetector detector = new ValueDetector(50);
		for (int i = 0; i < 50; i++) {
			assertThat(detector.next(at(), i % 2 == 0 ? 1 : 1000)).isZero();
		}
	}

	@Test
	void aValueFarOutsideAnythingSeenScoresHigherThanOrdinaryNoise() {
		SplittableRandom random = new SplittableRandom(3);
		ValueDetector detector = new ValueDetector(100);
		double noise = 0;
		for (int i = 0; i < 500; i++) {
			noise = Math.max(noise, detector.next(at(), 10 + random.nextGaussian()));
		}
		double spike = detector.next(at(), 30);
		assertThat(spike).isGreaterThan(0.999).isGreaterThan(noise);
	}

	@Test
	void anAnomalyLastingSeveralRowsIsReportedOnceAtItsStrongest() {
		ValueDetector detector = new ValueDetector(100);
		SplittableRandom random = new SplittableRandom(4);
		for (int i = 0; i < 400; i++) {
			detector.next(at(), 5 + random.nextGaussian());
		}
		double first = detector.next(at(), 25);
		double again = detector.next(at(), 25);
		assertThat(first).isGreaterThan(0.999);
		assertThat(again).as("the same level again is not news").isLessThan(first / 1.5);
	}

	@Test
	void constantAndRepeatedValuesDoNotFailOrAlarm() {
		ValueDetector detector = new ValueDetector(20);
		for (int i = 0; i < 300; i++) {
			assertThat(detector.next(at(), 42)).isBetween(0.0, 0.5);
		}
		assertThat(detector.next(at(), 43)).isGreaterThan(0.99);
	}

	@Test
	void aValueOrdinaryInItselfButWrongForItsTimeOfDayIsSeenOnlyWhereTheSeriesKeepsADailyRhythm() {
		SplittableRandom random = new SplittableRandom(5);
		ValueDetector daily = new ValueDetector(300);
		ValueDetector shapeless = new ValueDetector(300);
		Instant start = Instant.parse("2026-11-02T00:00:00Z");
		int perDay = 288;
		double dailyNoise = 0;
		double shapelessNoise = 0;
		for (int i = 0; i < 6 * perDay; i++) {
			Instant at = start.plusSeconds(300L * i);
			dailyNoise = Math.max(dailyNoise, daily.next(at, busyByDay(i, perDay) + random.nextGaussian()));
			shapelessNoise = Math.max(shapelessNoise, shapeless.next(at, 50 + 50 * random.nextDouble()));
		}
		// At 3:00, a day-time level: common in both series overall, wrong for the hour in
		// one.
		Instant threeAm = start.plusSeconds(300L * (6 * perDay + 36));
		assertThat(daily.next(threeAm, 100)).isGreaterThan(0.999).isGreaterThan(dailyNoise);
		assertThat(shapeless.next(threeAm, 100)).isLessThan(0.999);
	}

	@Test
	void rowsAtIrregularRepeatedOrOutOfOrderTimesAreScoredWithoutFailing() {
		ValueDetector detector = new ValueDetector(50);
		Instant start = Instant.parse("2026-11-02T00:00:00Z");
		SplittableRandom random = new SplittableRandom(6);
		for (int i = 0; i < 2000; i++) {
			Instant at = start.plusSeconds(i * 600L + random.nextLong(-1200, 1200));
			assertThat(detector.next(at, 10 + random.nextGaussian())).isBetween(0.0, 1.0);
			assertThat(detector.next(at, 10 + random.nextGaussian())).isBetween(0.0, 1.0);
		}
	}

	/** Night at 5, day at 100, over a day of the given number of rows. */
	private static double busyByDay(int row, int perDay) {
		int hour = (row % perDay) * 24 / perDay;
		return hour >= 8 && hour < 20 ? 100 : 5;
	}

	@Test
	void refusesValuesThatAreNotNumbersAndAWarmUpOfNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ValueDetector(10).next(at(), Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> new ValueDetector(0));
	}

}

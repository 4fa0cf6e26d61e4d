package io.rootcase.trends;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ValueDetectorTests {

	@Test
	void nothingIsScoredDuringTheWarmUp() {
		ValueDetector detector = new ValueDetector(50);
		for (int i = 0; i < 50; i++) {
			assertThat(detector.next(i % 2 == 0 ? 1 : 1000)).isZero();
		}
	}

	@Test
	void aValueFarOutsideAnythingSeenScoresHigherThanOrdinaryNoise() {
		SplittableRandom random = new SplittableRandom(3);
		ValueDetector detector = new ValueDetector(100);
		double noise = 0;
		for (int i = 0; i < 500; i++) {
			noise = Math.max(noise, detector.next(10 + random.nextGaussian()));
		}
		double spike = detector.next(30);
		assertThat(spike).isGreaterThan(0.999).isGreaterThan(noise);
	}

	@Test
	void anAnomalyLastingSeveralRowsIsReportedOnceAtItsStrongest() {
		ValueDetector detector = new ValueDetector(100);
		SplittableRandom random = new SplittableRandom(4);
		for (int i = 0; i < 400; i++) {
			detector.next(5 + random.nextGaussian());
		}
		double first = detector.next(25);
		double again = detector.next(25);
		assertThat(first).isGreaterThan(0.999);
		assertThat(again).as("the same level again is not news").isLessThan(first / 1.5);
	}

	@Test
	void constantAndRepeatedValuesDoNotFailOrAlarm() {
		ValueDetector detector = new ValueDetector(20);
		for (int i = 0; i < 300; i++) {
			assertThat(detector.next(42)).isBetween(0.0, 0.5);
		}
		assertThat(detector.next(43)).isGreaterThan(0.99);
	}

	@Test
	void refusesValuesThatAreNotNumbersAndAWarmUpOfNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ValueDetector(10).next(Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> new ValueDetector(0));
	}

}

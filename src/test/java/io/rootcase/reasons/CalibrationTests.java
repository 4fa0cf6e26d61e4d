package io.rootcase.reasons;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CalibrationTests {

	@Test
	void fitsAHigherTemperatureWhenTheScoresAreOverconfident() {
		// Scores say the first class by a wide margin, but it is right only 3 times in 4.
		List<double[]> scores = List.of(new double[] { 10, 0 }, new double[] { 10, 0 }, new double[] { 10, 0 },
				new double[] { 10, 0 });
		int[] truth = { 0, 0, 0, 1 };

		double temperature = Calibration.temperature(scores, truth);

		// softmax(10 / T) = 0.75 when 10 / T = ln 3
		assertThat(temperature).isCloseTo(10 / Math.log(3), within(0.05));
	}

	@Test
	void leavesTheRequestedShareOfOrdinaryMessagesBelowTheThreshold() {
		List<double[]> scores = new ArrayList<>();
		// Four reasons and small margins: every confidence is under an even chance.
		for (int i = 0; i < 100; i++) {
			scores.add(new double[] { i / 100.0, 0, 0, 0 });
		}

		double threshold = Calibration.threshold(scores, 1, 0.1);

		long below = scores.stream().filter(s -> ReasonClassifier.softmax(s, 1)[0] < threshold).count();
		assertThat(below).isEqualTo(10);
	}

	@Test
	void neverRequiresMoreThanAnEvenChanceOnCleanTraffic() {
		List<double[]> perfect = List.of(new double[] { 50, 0 }, new double[] { 50, 0 }, new double[] { 0, 50 });

		double temperature = Calibration.temperature(perfect, new int[] { 0, 0, 1 });

		assertThat(Calibration.threshold(perfect, temperature, 0.05)).isEqualTo(Calibration.MAX_THRESHOLD);
	}

}

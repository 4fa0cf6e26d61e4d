package io.rootcase.trends;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FalseDiscoveryTests {

	@Test
	void stepsUpToTheLargestRankUnderTheLine() {
		// Sorted: 0.001 (<= 0.05/5), 0.008 (<= 0.02), 0.039 (> 0.03), 0.041 (<= 0.04),
		// 0.6.
		boolean[] flagged = FalseDiscovery.discoveries(new double[] { 0.040, 0.6, 0.001, 0.031, 0.008 }, 0.05);
		assertThat(flagged).containsExactly(true, false, true, true, true);
	}

	@Test
	void flagsNothingWhenNoPValueIsUnderTheLine() {
		assertThat(FalseDiscovery.discoveries(new double[] { 0.02, 0.5, 0.9 }, 0.01)).containsOnly(false);
	}

	@Test
	void keepsTheShareOfFalseDiscoveriesUnderTheRateAcrossManyRuns() {
		SplittableRandom random = new SplittableRandom(1);
		double falseShare = 0;
		int runs = 2000;
		for (int run = 0; run < runs; run++) {
			double[] p = new double[100];
			for (int i = 0; i < 100; i++) {
				// Ten real effects with tiny p-values, ninety nulls uniform on [0, 1].
				p[i] = i < 10 ? random.nextDouble() * 1e-4 : random.nextDouble();
			}
			boolean[] flagged = FalseDiscovery.discoveries(p, 0.1);
			int found = 0;
			int wrong = 0;
			for (int i = 0; i < 100; i++) {
				if (flagged[i]) {
					found++;
					wrong += i >= 10 ? 1 : 0;
				}
			}
			falseShare += found == 0 ? 0 : (double) wrong / found;
		}
		assertThat(falseShare / runs).isLessThanOrEqualTo(0.1);
	}

	@Test
	void refusesARateOutsideZeroToOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> FalseDiscovery.discoveries(new double[] { 0.1 }, 0));
	}

}

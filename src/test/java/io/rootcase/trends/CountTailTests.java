package io.rootcase.trends;

import org.apache.commons.statistics.distribution.PascalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CountTailTests {

	@Test
	void withoutDispersionTheTailIsPoissons() {
		PoissonDistribution poisson = PoissonDistribution.of(3.5);
		for (int k = 1; k < 15; k++) {
			assertThat(CountTail.atLeast(k, 3.5, 0)).isCloseTo(poisson.survivalProbability(k - 1), within(1e-12));
		}
	}

	@Test
	void withDispersionTheTailIsTheNegativeBinomials() {
		// Size 4 (dispersion 1/4) and mean 6: success chance 4 / (4 + 6).
		PascalDistribution pascal = PascalDistribution.of(4, 0.4);
		for (int k = 1; k < 30; k++) {
			assertThat(CountTail.atLeast(k, 6, 0.25)).isCloseTo(pascal.survivalProbability(k - 1), within(1e-12));
		}
	}

	@Test
	void aCountOfNothingIsNeverSurprisingAndACountWhereNoneIsExpectedAlwaysIs() {
		assertThat(CountTail.atLeast(0, 5, 0.1)).isEqualTo(1);
		assertThat(CountTail.atLeast(1, 0, 0.1)).isEqualTo(0);
	}

	@Test
	void theBandsTopLeavesAtMostTheAskedShareAbove() {
		long upper = CountTail.upperBound(10, 0.05, 0.025);
		assertThat(CountTail.atLeast(upper + 1, 10, 0.05)).isLessThanOrEqualTo(0.025);
		assertThat(CountTail.atLeast(upper, 10, 0.05)).isGreaterThan(0.025);
	}

}

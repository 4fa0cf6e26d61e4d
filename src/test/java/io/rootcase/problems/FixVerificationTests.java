package io.rootcase.problems;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class FixVerificationTests {

	@Test
	void aClearDropIsSignificantWithTheExactPValue() {
		// 20 cases in the 28 days before, 2 in the 14 days after: with equal rates the
		// count after is Binomial(22, 14/42); P(X <= 2) computed by hand.
		FixVerification v = FixVerification.of(20, 28, 2, 14, 0.05);

		assertThat(v.pValue()).isCloseTo(0.0093225885, within(1e-9));
		assertThat(v.significantDrop()).isTrue();
		assertThat(v.stillOccurring()).isFalse();
		assertThat(v.rateBefore()).isCloseTo(20 / 28.0, within(1e-12));
	}

	@Test
	void anUnchangedRateDoesNotVerifyAndIsFlaggedAsStillOccurring() {
		FixVerification v = FixVerification.of(28, 28, 14, 14, 0.05);

		assertThat(v.pValue()).isCloseTo(0.5718937778, within(1e-9));
		assertThat(v.significantDrop()).isFalse();
		assertThat(v.stillOccurring()).isTrue();
	}

	@Test
	void tooLittleDataCannotShowADropEvenWithNoneAfter() {
		// 5 before, none after, equal windows: P = 0.5^5 = 0.03125, not below 0.01.
		FixVerification v = FixVerification.of(5, 7, 0, 7, 0.01);

		assertThat(v.pValue()).isCloseTo(0.03125, within(1e-12));
		assertThat(v.significantDrop()).isFalse();
	}

	@Test
	void refusesAVerificationWithoutAPostFixObservationPeriod() {
		assertThatIllegalArgumentException().isThrownBy(() -> FixVerification.of(5, 28, 0, 0, 0.05))
			.withMessageContaining("after the fix");
	}

}

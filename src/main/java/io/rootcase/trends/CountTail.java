package io.rootcase.trends;

import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.numbers.gamma.RegularizedGamma;

/**
 * Upper tails of over-dispersed counts. Contact counts vary more than a Poisson count
 * does (a busy Monday, a storm), so a count is tested against a negative binomial with
 * mean {@code mu} and variance {@code mu + dispersion * mu^2}, which is the Poisson when
 * the dispersion is zero. Written here because Commons Statistics' Pascal distribution
 * takes only a whole number of successes; its incomplete beta and gamma functions give
 * the exact tails.
 */
final class CountTail {

	private CountTail() {
	}

	/** P(X >= observed). */
	static double atLeast(long observed, double mu, double dispersion) {
		if (observed <= 0) {
			return 1;
		}
		if (mu <= 0) {
			return 0;
		}
		if (dispersion <= 1e-9) {
			// P(X >= k) for a Poisson is the regularised lower incomplete gamma P(k, mu).
			return RegularizedGamma.P.value(observed, mu);
		}
		double size = 1 / dispersion;
		double success = size / (size + mu);
		// P(X >= k) = I_{1 - p}(k, r) for a negative binomial of r successes, chance p.
		return RegularizedBeta.value(1 - success, observed, size);
	}

	/** The smallest count whose upper tail is at most {@code alpha}: the band's top. */
	static long upperBound(double mu, double dispersion, double alpha) {
		long k = (long) Math.floor(mu);
		while (atLeast(k + 1, mu, dispersion) > alpha) {
			k++;
		}
		return k;
	}

}

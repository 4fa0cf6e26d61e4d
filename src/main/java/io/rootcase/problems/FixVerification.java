package io.rootcase.problems;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Did matching contacts drop after the fix? Compares the rate of new matching cases
 * before and after the deployment with the exact conditional test for two Poisson rates
 * (Przyborowski and Wilenski 1940): given n events in all, under equal rates the count
 * after the fix is binomial with p = days after / all days observed. The one-sided
 * p-value is the chance of seeing this few (or fewer) after the fix if nothing changed.
 * It needs no normal approximation, so it is right for the small counts a fixed problem
 * leaves.
 *
 * @param before matching cases in the window before deployment
 * @param daysBefore length of that window
 * @param after matching cases since deployment
 * @param daysAfter days observed since deployment
 * @param pValue one-sided p-value for "the rate dropped"
 * @param significantDrop whether the drop is significant at the level asked
 * @param stillOccurring whether matching cases go on without a significant drop: the fix
 * did not work (yet)
 */
public record FixVerification(long before, double daysBefore, long after, double daysAfter, double rateBefore,
		double rateAfter, double pValue, boolean significantDrop, boolean stillOccurring) {

	/**
	 * @param alpha significance level, e.g. 0.05
	 */
	public static FixVerification of(long before, double daysBefore, long after, double daysAfter, double alpha) {
		if (before < 0 || after < 0) {
			throw new IllegalArgumentException("counts cannot be negative");
		}
		if (daysBefore <= 0) {
			throw new IllegalArgumentException("there is no observation period before the fix");
		}
		if (daysAfter <= 0) {
			throw new IllegalArgumentException("there is no observation period after the fix yet");
		}
		long total = before + after;
		double share = daysAfter / (daysBefore + daysAfter);
		double p = total == 0 ? 1
				: BinomialDistribution.of(Math.toIntExact(total), share).cumulativeProbability(Math.toIntExact(after));
		double rateBefore = before / daysBefore;
		double rateAfter = after / daysAfter;
		return new FixVerification(before, daysBefore, after, daysAfter, rateBefore, rateAfter, p, p < alpha,
				after > 0 && p >= alpha);
	}

}

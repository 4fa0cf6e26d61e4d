package io.rootcase.reasons;

import java.util.Arrays;
import java.util.List;

/**
 * Temperature scaling (Guo et al. 2017): one number that turns a model's scores into
 * probabilities that mean what they say, fitted by minimising the log-loss on examples
 * the model did not learn from.
 */
final class Calibration {

	private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

	/**
	 * A reason the model thinks more likely right than wrong is always given, however
	 * sure it is of the rest: on clean traffic the quantile would otherwise sit at 1.
	 */
	static final double MAX_THRESHOLD = 0.5;

	private Calibration() {
	}

	/**
	 * The temperature, searched on a log scale between 0.01 and 100. The floor keeps a
	 * model that separates its calibration examples perfectly (template-like traffic)
	 * from claiming certainty: log-loss falls towards zero temperature without end there.
	 */
	static double temperature(List<double[]> scores, int[] truth) {
		double lo = Math.log(1e-2);
		double hi = Math.log(1e2);
		for (int step = 0; step < 60; step++) {
			double a = hi - GOLDEN * (hi - lo);
			double b = lo + GOLDEN * (hi - lo);
			if (logLoss(scores, truth, Math.exp(a)) < logLoss(scores, truth, Math.exp(b))) {
				hi = b;
			}
			else {
				lo = a;
			}
		}
		return Math.exp((lo + hi) / 2);
	}

	static double logLoss(List<double[]> scores, int[] truth, double temperature) {
		double loss = 0;
		for (int i = 0; i < truth.length; i++) {
			loss -= Math.log(Math.max(1e-12, ReasonClassifier.softmax(scores.get(i), temperature)[truth[i]]));
		}
		return loss / truth.length;
	}

	/**
	 * The confidence below which the given share of these (ordinary, in-scope) messages
	 * would be left to a person.
	 */
	static double threshold(List<double[]> scores, double temperature, double share) {
		return Math.min(MAX_THRESHOLD, confidenceQuantile(scores, temperature, share));
	}

	private static double confidenceQuantile(List<double[]> scores, double temperature, double share) {
		return quantile(scores.stream()
			.mapToDouble(s -> Arrays.stream(ReasonClassifier.softmax(s, temperature)).max().orElse(0))
			.toArray(), share);
	}

	/**
	 * The value below which the given share of the values lie; none below for a share of
	 * 0.
	 */
	static double quantile(double[] values, double share) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		if (share <= 0 || sorted.length == 0) {
			return Double.NEGATIVE_INFINITY;
		}
		// With few calibration messages the share rounds to none; leave at least the
		// least typical one below the line rather than trust every message.
		int index = Math.max(1, (int) Math.floor(share * sorted.length));
		return sorted[Math.min(index, sorted.length - 1)];
	}

}

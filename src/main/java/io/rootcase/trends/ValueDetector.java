package io.rootcase.trends;

import java.util.Arrays;

/**
 * A streaming anomaly detector for one real-valued series (NAB's files): each value is
 * scored only from the values before it. Two tests look for what Rootcase's count surges
 * look like in other data: a value far outside what the series has done (its deviation
 * from the recent median, ranked among the recent deviations, with an exponential tail
 * beyond the largest one), and a shift of the short-run level (the mean of the last few
 * values ranked among the recent short-run means). The score is one minus the smaller
 * tail probability; a score no higher than one already given in the last stretch is
 * halved, so one anomaly is reported once, when it is strongest so far, and not on every
 * row it lasts.
 */
public final class ValueDetector {

	private static final int REFRESH = 10;

	private final int warmUp;

	private final int memory;

	private final int shortRun;

	private final int quiet;

	private final double[] values;

	private final double[] shortMeans;

	private long seen;

	private double runSum;

	private final double[] recentScores;

	private Reference valueReference;

	private Reference meanReference;

	/**
	 * @param warmUp values taken before any is scored (NAB's probationary period)
	 */
	public ValueDetector(int warmUp) {
		if (warmUp < 1) {
			throw new IllegalArgumentException("warm-up must be at least 1 value");
		}
		this.warmUp = warmUp;
		this.memory = Math.max(8 * warmUp, 200);
		this.shortRun = 5;
		this.quiet = Math.max(warmUp / 4, 10);
		this.values = new double[this.memory];
		this.shortMeans = new double[this.memory];
		this.recentScores = new double[this.quiet];
	}

	/** Scores the next value from the ones before it, then remembers it. */
	public double next(double value) {
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException("a value must be a finite number");
		}
		double score = this.seen < this.warmUp ? 0 : score(value);
		remember(value);
		double best = 0;
		for (double s : this.recentScores) {
			best = Math.max(best, s);
		}
		this.recentScores[(int) (this.seen % this.quiet)] = score;
		this.seen++;
		return score > best ? score : score / 2;
	}

	private double score(double value) {
		if (this.valueReference == null || this.seen % REFRESH == 0) {
			int n = (int) Math.min(this.seen, this.memory);
			this.valueReference = Reference.of(Arrays.copyOf(this.values, n));
			int m = (int) Math.min(Math.max(this.seen - this.shortRun + 1, 0), this.memory);
			this.meanReference = m > this.shortRun * 4 ? Reference.of(Arrays.copyOf(this.shortMeans, m)) : null;
		}
		double spike = this.valueReference.tail(value);
		double runMean = (this.runSum + value - oldest()) / this.shortRun;
		double shift = this.meanReference == null ? 1 : this.meanReference.tail(runMean);
		return 1 - Math.min(1, 2 * Math.min(spike, shift));
	}

	private double oldest() {
		return this.seen < this.shortRun ? 0 : this.values[(int) ((this.seen - this.shortRun) % this.memory)];
	}

	private void remember(double value) {
		this.runSum += value - oldest();
		this.values[(int) (this.seen % this.memory)] = value;
		if (this.seen >= this.shortRun - 1) {
			this.shortMeans[(int) ((this.seen - this.shortRun + 1) % this.memory)] = this.runSum / this.shortRun;
		}
	}

	/**
	 * What recent values looked like: their median, their spread and their sorted
	 * distances from the median. Rebuilt every few values rather than every value: the
	 * sort dominates the cost and the reference moves slowly.
	 */
	private record Reference(double centre, double spread, double[] deviations) {

		static Reference of(double[] values) {
			double centre = median(values.clone());
			double[] deviations = new double[values.length];
			double min = Double.MAX_VALUE;
			double max = -Double.MAX_VALUE;
			for (int i = 0; i < values.length; i++) {
				deviations[i] = Math.abs(values[i] - centre);
				min = Math.min(min, values[i]);
				max = Math.max(max, values[i]);
			}
			Arrays.sort(deviations);
			double mad = 1.4826 * median(deviations.clone());
			double spread = Math.max(mad, Math.max(1e-3 * (max - min), 1e-9 * Math.max(1, Math.abs(centre))));
			return new Reference(centre, spread, deviations);
		}

		/**
		 * The share of recent values at least as far from the median, with an exponential
		 * tail beyond the farthest so that values past anything seen are still ranked by
		 * how far past they are.
		 */
		double tail(double value) {
			double deviation = Math.abs(value - this.centre);
			int n = this.deviations.length;
			int below = Arrays.binarySearch(this.deviations, deviation);
			if (below < 0) {
				below = -below - 1;
			}
			else {
				while (below > 0 && this.deviations[below - 1] == deviation) {
					below--;
				}
			}
			double p = (n - below + 1.0) / (n + 1.0);
			double largest = n == 0 ? 0 : this.deviations[n - 1];
			if (deviation > largest) {
				p *= Math.exp(-(deviation - largest) / this.spread);
			}
			return p;
		}

	}

	private static double median(double[] values) {
		Arrays.sort(values);
		int n = values.length;
		return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
	}

}

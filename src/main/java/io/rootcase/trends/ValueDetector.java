package io.rootcase.trends;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A streaming anomaly detector for one real-valued series (NAB's files): each value is
 * scored only from the values before it. Two tests look for what Rootcase's count surges
 * look like in other data: a value far outside what the series has done (its deviation
 * from the recent median, ranked among the recent deviations, with an exponential tail
 * beyond the largest one), and a shift of the short-run level (the mean of the last few
 * values ranked among the recent short-run means).
 * <p>
 * The same two tests are also run on what is left once the series' daily and weekly
 * rhythm is taken out (the value less the median of the same time of day on the last few
 * days, or of the same time of week on the last few weeks), so that a value ordinary in
 * itself but wrong for its hour, such as a busy evening's level in the middle of the
 * night or a weekday's peak missing, is seen too. A rhythm is only used while the series
 * follows it, that is while its residuals spread clearly less than the values.
 * <p>
 * The score is one minus the tests' tail probabilities combined by their harmonic mean
 * (Wilson 2019), so a series watched by more tests does not alarm more often, and tests
 * that agree count for more than one alone; a score not clearly stronger than one already
 * given in the last stretch is halved, so one anomaly is reported once, when it is
 * strongest so far, and not on every row it lasts.
 * <p>
 * Rows may come at any interval, with gaps, repeated or out of order: a time of day with
 * too little history is simply not compared with its past.
 */
public final class ValueDetector {

	private static final int REFRESH = 10;

	private static final int SHORT_RUN = 5;

	/**
	 * How many times less likely than the strongest score of the last stretch a score
	 * must be to be news: combined, the tests of a lasting anomaly grow a little stronger
	 * row after row as its short run fills, and each such row is not a new anomaly.
	 */
	private static final double NEWS = 1.5;

	/**
	 * How much less a rhythm's residuals must spread than the values for it to be used.
	 */
	private static final double RHYTHM_GAIN = 0.7;

	private final int warmUp;

	private final int quiet;

	private final View values;

	private final List<Rhythm> rhythms;

	private final double[] recentScores;

	private long seen;

	/**
	 * @param warmUp values taken before any is scored (NAB's probationary period)
	 */
	public ValueDetector(int warmUp) {
		if (warmUp < 1) {
			throw new IllegalArgumentException("warm-up must be at least 1 value");
		}
		this.warmUp = warmUp;
		int memory = Math.max(8 * warmUp, 200);
		// How long a reported anomaly mutes weaker ones: an eighth of the warm-up, about
		// 2 % of a NAB file. A quarter muted a second anomaly close after a first one.
		this.quiet = Math.max(warmUp / 8, 10);
		this.values = new View(memory, 1);
		this.rhythms = List.of(new Rhythm(Duration.ofDays(1), memory), new Rhythm(Duration.ofDays(7), memory));
		this.recentScores = new double[this.quiet];
	}

	/**
	 * Scores the value measured at the given time from the ones before it, then remembers
	 * it.
	 */
	public double next(Instant at, double value) {
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException("a value must be a finite number");
		}
		double[] residuals = new double[this.rhythms.size()];
		for (int r = 0; r < residuals.length; r++) {
			residuals[r] = this.rhythms.get(r).residual(at, value);
		}
		double score = this.seen < this.warmUp ? 0 : score(value, residuals);
		this.values.add(value);
		for (int r = 0; r < residuals.length; r++) {
			this.rhythms.get(r).add(at, value, residuals[r]);
		}
		double best = 0;
		for (double s : this.recentScores) {
			best = Math.max(best, s);
		}
		this.recentScores[(int) (this.seen % this.quiet)] = score;
		this.seen++;
		return 1 - score < (1 - best) / NEWS ? score : score / 2;
	}

	private double score(double value, double[] residuals) {
		boolean refresh = this.seen % REFRESH == 0;
		Tails tails = this.values.tails(value, refresh);
		double spread = this.values.spread();
		for (int r = 0; r < residuals.length; r++) {
			View view = this.rhythms.get(r).residuals;
			if (!Double.isNaN(residuals[r])) {
				Tails more = view.tails(residuals[r], refresh);
				if (more.tests() > 0 && view.spread() < RHYTHM_GAIN * spread) {
					tails = tails.and(more);
				}
			}
		}
		return 1 - Math.min(1, tails.combined());
	}

	/**
	 * The tail probabilities of the tests made so far, combined by their harmonic mean:
	 * valid when the tests depend on each other, as a value's test and its residual's do,
	 * where multiplying the smallest by the number of tests (Bonferroni, used until
	 * session 9) asked too much of tests that agree (NAB 62.66 against 64.13 now).
	 */
	private record Tails(int tests, double inverseSum) {

		static final Tails NONE = new Tails(0, 0);

		static Tails of(double tail) {
			return new Tails(1, 1 / Math.max(tail, Double.MIN_NORMAL));
		}

		Tails and(Tails other) {
			return new Tails(this.tests + other.tests, this.inverseSum + other.inverseSum);
		}

		/** The harmonic mean p-value; 1 when no test was made. */
		double combined() {
			return this.tests == 0 ? 1 : this.tests / this.inverseSum;
		}

	}

	/**
	 * One way of looking at the series (its values, or its residuals from a rhythm): the
	 * recent ones and their short-run means, and references built from them.
	 */
	private static final class View {

		private final double[] recent;

		private final double[] shortMeans;

		private final int minimum;

		private long seen;

		private double runSum;

		private Reference reference;

		private Reference meanReference;

		/**
		 * @param minimum how many values it needs before it tests any
		 */
		View(int memory, int minimum) {
			this.recent = new double[memory];
			this.shortMeans = new double[memory];
			this.minimum = minimum;
		}

		/**
		 * Tail probabilities of the value and of the short run it would end; none before
		 * enough history.
		 */
		Tails tails(double value, boolean refresh) {
			int memory = this.recent.length;
			if (this.reference == null || refresh) {
				int n = (int) Math.min(this.seen, memory);
				this.reference = n >= this.minimum ? Reference.of(Arrays.copyOf(this.recent, n)) : null;
				int m = (int) Math.min(Math.max(this.seen - SHORT_RUN + 1, 0), memory);
				this.meanReference = m > Math.max(SHORT_RUN * 4, this.minimum)
						? Reference.of(Arrays.copyOf(this.shortMeans, m)) : null;
			}
			if (this.reference == null) {
				return Tails.NONE;
			}
			Tails tails = Tails.of(this.reference.tail(value));
			if (this.meanReference != null) {
				double runMean = (this.runSum + value - oldest()) / SHORT_RUN;
				tails = tails.and(Tails.of(this.meanReference.tail(runMean)));
			}
			return tails;
		}

		double spread() {
			return this.reference == null ? Double.POSITIVE_INFINITY : this.reference.spread();
		}

		void add(double value) {
			int memory = this.recent.length;
			this.runSum += value - oldest();
			this.recent[(int) (this.seen % memory)] = value;
			if (this.seen >= SHORT_RUN - 1) {
				this.shortMeans[(int) ((this.seen - SHORT_RUN + 1) % memory)] = this.runSum / SHORT_RUN;
			}
			this.seen++;
		}

		private double oldest() {
			return this.seen < SHORT_RUN ? 0 : this.recent[(int) ((this.seen - SHORT_RUN) % this.recent.length)];
		}

	}

	/**
	 * A rhythm of the series (daily or weekly): what each time in the cycle held on the
	 * last few cycles, binned by the series' own interval between rows, and the residuals
	 * of the values from it.
	 */
	private static final class Rhythm {

		private static final int CYCLES = 3;

		private final long cycle;

		private final Map<Long, Bin> bins = new HashMap<>();

		private final View residuals;

		private long step;

		private Instant last;

		Rhythm(Duration cycle, int memory) {
			this.cycle = cycle.toSeconds();
			// A rhythm's first residuals come from two cycles only; fifty steady the
			// spread.
			this.residuals = new View(memory, 50);
		}

		/** The value less the median of its bin's last cycles; NaN before two of them. */
		double residual(Instant at, double value) {
			if (this.step == 0) {
				return Double.NaN;
			}
			Bin bin = this.bins.get(bin(at));
			int n = bin == null ? 0 : Math.min(bin.count, CYCLES);
			return n < 2 ? Double.NaN : value - median(Arrays.copyOf(bin.last, n));
		}

		void add(Instant at, double value, double residual) {
			if (!Double.isNaN(residual)) {
				this.residuals.add(residual);
			}
			if (this.step == 0) {
				// The first interval between rows sets the bins; never finer than a
				// minute.
				if (this.last != null && at.isAfter(this.last)) {
					this.step = Math.max(60, at.getEpochSecond() - this.last.getEpochSecond());
				}
				this.last = at;
				if (this.step == 0) {
					return;
				}
			}
			Bin bin = this.bins.computeIfAbsent(bin(at), k -> new Bin());
			bin.last[bin.count++ % CYCLES] = value;
		}

		private long bin(Instant at) {
			return Math.floorMod(at.getEpochSecond(), this.cycle) / this.step;
		}

		/** One time in the cycle: its last values, oldest overwritten first. */
		private static final class Bin {

			private final double[] last = new double[CYCLES];

			private int count;

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

package io.rootcase.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Numenta Anomaly Benchmark's scoring (Lavin and Ahmad 2015), written from its
 * description and checked against the published per-file scores: each labelled anomaly
 * window rewards its earliest detection by a scaled sigmoid of the position in the
 * window, every detection outside a window costs more the further it lies past the last
 * window, every missed window costs its weight, rows of the probationary period (the
 * first 15 %, at most 750) are not scored, and the threshold is chosen over the whole
 * corpus.
 */
final class NabScorer {

	private static final double MAX_TP = scaledSigmoid(-1.0);

	private NabScorer() {
	}

	/** A profile's costs. */
	record Profile(String name, double tpWeight, double fpWeight, double fnWeight) {
	}

	/**
	 * One scored row.
	 *
	 * @param window the window it lies in, -1 outside any
	 */
	record Point(double anomalyScore, double weighted, int window) {
	}

	/** A file ready to score: its rows after the probationary period and its windows. */
	record Scored(String file, List<Point> points, int windows) {
	}

	static double scaledSigmoid(double position) {
		return position > 3.0 ? -1.0 : 2.0 / (1.0 + Math.exp(5.0 * position)) - 1.0;
	}

	static int probationaryLength(int rows) {
		return (int) Math.min(Math.floor(0.15 * rows), 0.15 * 5000);
	}

	/**
	 * @param windows each window's first and last row index, in order
	 */
	static Scored points(String file, double[] anomalyScores, List<int[]> windows, Profile profile) {
		List<Point> points = new ArrayList<>();
		int probation = probationaryLength(anomalyScores.length);
		int next = 0;
		int[] current = null;
		int currentIndex = -1;
		int[] previous = null;
		for (int i = 0; i < anomalyScores.length; i++) {
			if (next < windows.size() && i == windows.get(next)[0]) {
				current = windows.get(next);
				currentIndex = next++;
			}
			double weighted;
			if (current != null) {
				double width = current[1] - current[0] + 1;
				weighted = scaledSigmoid(-(current[1] - i + 1) / width) * profile.tpWeight() / MAX_TP;
			}
			else if (previous == null) {
				weighted = -profile.fpWeight();
			}
			else {
				double width = previous[1] - previous[0] + 1;
				weighted = scaledSigmoid(Math.abs(previous[1] - i) / (width - 1)) * profile.fpWeight();
			}
			if (i >= probation) {
				points.add(new Point(anomalyScores[i], weighted, current == null ? -1 : currentIndex));
			}
			if (current != null && i == current[1]) {
				previous = current;
				current = null;
			}
		}
		return new Scored(file, points, windows.size());
	}

	/** The file's score with every row at or above the threshold a detection. */
	static double score(Scored file, double threshold, Profile profile) {
		double[] best = new double[file.windows()];
		Arrays.fill(best, Double.NaN);
		double falsePositives = 0;
		for (Point p : file.points()) {
			if (p.anomalyScore() >= threshold) {
				if (p.window() < 0) {
					falsePositives += p.weighted();
				}
				else if (Double.isNaN(best[p.window()])) {
					// The earliest detection in a window is the one that counts.
					best[p.window()] = p.weighted();
				}
			}
		}
		double total = falsePositives;
		for (double b : best) {
			total += Double.isNaN(b) ? -profile.fnWeight() : b;
		}
		return total;
	}

	/** The corpus threshold with the highest total score, and that score. */
	record Optimum(double threshold, double score) {
	}

	/**
	 * Tries every distinct anomaly score as the threshold, lowering it step by step and
	 * updating the total as rows become detections.
	 */
	static Optimum optimise(List<Scored> corpus, Profile profile) {
		record Row(double anomalyScore, double weighted, int window) {
		}
		List<Row> rows = new ArrayList<>();
		Map<Integer, Integer> offsets = new HashMap<>();
		int windows = 0;
		for (int f = 0; f < corpus.size(); f++) {
			offsets.put(f, windows);
			for (Point p : corpus.get(f).points()) {
				rows.add(new Row(p.anomalyScore(), p.weighted(), p.window() < 0 ? -1 : windows + p.window()));
			}
			windows += corpus.get(f).windows();
		}
		// Within a window the earliest row counts; rows of a file are in time order, so
		// among equal scores the stable sort keeps the earlier row first.
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingDouble((Integer i) -> -rows.get(i).anomalyScore()));
		double[] credited = new double[windows];
		int[] earliest = new int[windows];
		Arrays.fill(earliest, Integer.MAX_VALUE);
		double total = -profile.fnWeight() * windows;
		Optimum best = new Optimum(Double.POSITIVE_INFINITY, total);
		int k = 0;
		while (k < order.size()) {
			double threshold = rows.get(order.get(k)).anomalyScore();
			while (k < order.size() && rows.get(order.get(k)).anomalyScore() == threshold) {
				int i = order.get(k++);
				Row r = rows.get(i);
				if (r.window() < 0) {
					total += r.weighted();
				}
				else if (i < earliest[r.window()]) {
					total += r.weighted()
							- (earliest[r.window()] == Integer.MAX_VALUE ? -profile.fnWeight() : credited[r.window()]);
					earliest[r.window()] = i;
					credited[r.window()] = r.weighted();
				}
			}
			if (total > best.score()) {
				best = new Optimum(threshold, total);
			}
		}
		return best;
	}

	/** NAB's normalised score: 0 for the null detector, 100 for the perfect one. */
	static double normalised(double score, int windows, Profile profile) {
		double nullScore = -profile.fnWeight() * windows;
		double perfect = profile.tpWeight() * windows;
		return 100 * (score - nullScore) / (perfect - nullScore);
	}

}

package io.rootcase.trends;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The Benjamini-Hochberg step-up procedure: across many series tested at once, flags the
 * largest set of p-values whose expected share of false discoveries is at most {@code q}.
 * Testing hundreds of reason and segment series each hour at a fixed level would raise a
 * false alarm somewhere almost every hour; this keeps the alarms trustworthy without
 * going blind to a real surge.
 */
final class FalseDiscovery {

	private FalseDiscovery() {
	}

	static boolean[] discoveries(double[] pValues, double q) {
		if (q <= 0 || q >= 1) {
			throw new IllegalArgumentException("the false-discovery rate must lie between 0 and 1");
		}
		int m = pValues.length;
		Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
		Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
		int last = -1;
		for (int rank = 1; rank <= m; rank++) {
			if (pValues[order[rank - 1]] <= q * rank / m) {
				last = rank;
			}
		}
		boolean[] flagged = new boolean[m];
		for (int rank = 1; rank <= last; rank++) {
			flagged[order[rank - 1]] = true;
		}
		return flagged;
	}

}

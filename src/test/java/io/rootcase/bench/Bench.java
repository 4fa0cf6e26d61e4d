package io.rootcase.bench;

import java.util.Arrays;

/**
 * Dispatches {@code bench/run NAME [options]} to a benchmark. Benchmarks are programs,
 * not tests: they live beside the tests to share the build, and Surefire never runs them.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		String name = args[0];
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		try {
			switch (name) {
				case "intake" -> IntakeBenchmark.run(Options.parse(rest));
				case "diagnosis" -> DiagnosisBenchmark.run(Options.parse(rest));
				case "reasons" -> ReasonsBenchmark.run(Options.parse(rest));
				case "reasons-split" -> ReasonsSplit.run(Options.parse(rest));
				case "problems" -> ProblemsBenchmark.run(Options.parse(rest));
				case "trends" -> TrendsBenchmark.run(Options.parse(rest));
				default -> fail("unknown benchmark '" + name
						+ "' (known: intake, diagnosis, reasons, reasons-split, problems, trends)");
			}
		}
		catch (IllegalArgumentException ex) {
			fail(ex.getMessage());
		}
	}

	static void fail(String message) {
		System.err.println("bench: " + message);
		System.exit(2);
	}

}

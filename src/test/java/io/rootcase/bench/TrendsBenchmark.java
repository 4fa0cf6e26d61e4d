package io.rootcase.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.rootcase.trends.SurgeStreams;
import io.rootcase.trends.ValueDetector;

import org.apache.commons.statistics.distribution.PoissonDistribution;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/run trends --score-results DIR [--nab DIR]}: scores a detector's per-row
 * NAB results (a folder like {@code nab/results/numenta}) with NAB's method: the
 * threshold of each profile optimised over the whole corpus, scores normalised so the
 * null detector gets 0 and the perfect one 100, overall and per category. Rootcase's own
 * surge detector (issue 7) is not built yet, so there is no detector mode.
 */
final class TrendsBenchmark {

	private static final List<String> PROFILES = List.of("standard", "reward_low_FP_rate", "reward_low_FN_rate");

	private TrendsBenchmark() {
	}

	static void run(Options options) throws IOException {
		options.allow(Set.of("score-results", "nab", "data", "labels", "profile", "surges", "series", "weeks",
				"per-day", "lift", "surge-hours", "dispersion", "q"));
		if (options.text("surges", null) != null) {
			surges(options);
			return;
		}
		String results = options.text("score-results", null);
		String data = options.text("data", null);
		if ((results == null) == (data == null)) {
			throw new IllegalArgumentException("usage: bench/run trends --data DIR [--labels FILE] [--profile NAME]"
					+ " | --score-results DIR [--nab DIR]");
		}
		Path nab = Path.of(options.text("nab", "../shared/data/nab"));
		String only = options.text("profile", null);
		List<String> profiles = only == null ? PROFILES : List.of(only);
		if (data != null) {
			Path labels = Path.of(options.text("labels", nab.resolve("labels/combined_windows.json").toString()));
			detect(Path.of(data), new NabCorpus(labels, nab.resolve("config/profiles.json")), profiles);
		}
		else {
			scoreResults(Path.of(results), new NabCorpus(nab), profiles);
		}
	}

	/**
	 * {@code --surges yes}: the surge detector over generated streams shaped like the
	 * demo's traffic with injected surges (by default like the demo's billing surge: a
	 * reason of 40 contacts a day rising sevenfold for a day; the false-discovery rate is
	 * the product's default): the share of surges flagged within two hours of their start
	 * (also of those starting between 8:00 and 21:00, when the demo's traffic flows), and
	 * false alerts (a flag after a day without one, away from any surge) per series per
	 * month.
	 */
	private static void surges(Options options) throws IOException {
		int series = options.integer("series", 200);
		int weeks = options.integer("weeks", 13);
		double perDay = options.decimal("per-day", 40);
		double lift = options.decimal("lift", 7);
		int surgeHours = options.integer("surge-hours", 24);
		double dispersion = options.decimal("dispersion", 0.05);
		double q = options.decimal("q", 0.001);
		int surges = 0;
		int caught = 0;
		int daytimeSurges = 0;
		int daytimeCaught = 0;
		int caughtDuring = 0;
		int oracleCaught = 0;
		int oracleDaytimeCaught = 0;
		int falseAlerts = 0;
		long delays = 0;
		long started = System.nanoTime();
		Oracle oracle = new Oracle(perDay);
		for (int i = 0; i < series; i++) {
			SurgeStreams.Stream stream = SurgeStreams.generate(i, weeks, perDay, lift, 2, surgeHours, dispersion);
			boolean[] flagged = SurgeStreams.watch(stream.counts(), q);
			for (int start : stream.surgeStarts()) {
				surges++;
				boolean daytime = start % 24 >= 8 && start % 24 < 21;
				for (int t = start; t < start + surgeHours; t++) {
					if (flagged[t]) {
						caughtDuring++;
						break;
					}
				}
				daytimeSurges += daytime ? 1 : 0;
				if (oracle.flags(stream.counts(), start) || oracle.flags(stream.counts(), start + 1)) {
					oracleCaught++;
					oracleDaytimeCaught += daytime ? 1 : 0;
				}
				for (int t = start; t < start + 2; t++) {
					if (flagged[t]) {
						caught++;
						daytimeCaught += daytime ? 1 : 0;
						delays += t - start + 1;
						break;
					}
				}
			}
			int quietSince = -25;
			for (int t = 0; t < flagged.length; t++) {
				if (flagged[t]) {
					int hour = t;
					boolean nearSurge = stream.surgeStarts()
						.stream()
						.anyMatch(start -> hour >= start && hour < start + surgeHours + 24);
					if (t - quietSince > 24 && !nearSurge) {
						falseAlerts++;
					}
					quietSince = t;
				}
			}
		}
		double months = series * (weeks - 4) * 7 / 30.44; // series-months watched
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("series", series);
		figures.put("surges", surges);
		figures.put("recallWithin2h", round((double) caught / surges));
		figures.put("recallWithin2hDaytime", round((double) daytimeCaught / Math.max(1, daytimeSurges)));
		figures.put("recallDuringSurge", round((double) caughtDuring / surges));
		figures.put("oracleRecallWithin2h", round((double) oracleCaught / surges));
		figures.put("oracleRecallWithin2hDaytime", round((double) oracleDaytimeCaught / Math.max(1, daytimeSurges)));
		figures.put("meanHoursToDetect", caught == 0 ? null : round((double) delays / caught));
		figures.put("falseAlertsPerSeriesMonth", round(falseAlerts / months));
		figures.put("perDay", perDay);
		figures.put("lift", lift);
		figures.put("seconds", round((System.nanoTime() - started) / 1e9));
		System.out.println(JsonMapper.builder().build().writeValueAsString(figures));
	}

	/**
	 * What any detector could reach within two hours at the false-alert target: one that
	 * knows the traffic's true hourly means (no baseline to learn, no over-dispersion)
	 * and flags an hour when its count, or the count of its last two hours, is one a
	 * Poisson count with that mean reaches with probability at most 1 / 1 460 (each test
	 * half of one false alert per 730 hours, about a month). Its recall bounds the
	 * detector's from above: its thresholds are laxer than any real detector's.
	 */
	private static final class Oracle {

		private static final double ALPHA = 1.0 / 1460;

		private final double perDay;

		Oracle(double perDay) {
			this.perDay = perDay;
		}

		boolean flags(long[] counts, int hour) {
			double one = SurgeStreams.expected(this.perDay, hour);
			double two = one + SurgeStreams.expected(this.perDay, hour - 1);
			return counts[hour] >= threshold(one) || counts[hour] + counts[hour - 1] >= threshold(two);
		}

		/** The smallest count k with P(X >= k) <= ALPHA for X Poisson with this mean. */
		private static long threshold(double mean) {
			if (mean <= 0) {
				return 1;
			}
			// The smallest x with P(X > x) <= ALPHA, so k = x + 1.
			return PoissonDistribution.of(mean).inverseSurvivalProbability(ALPHA) + 1L;
		}

	}

	/**
	 * Runs Rootcase's detector over every data file under the folder, streaming, and
	 * scores its output.
	 */
	private static void detect(Path data, NabCorpus corpus, List<String> profiles) throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(data)) {
			files = walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
		}
		Map<String, NabCorpus.Series> series = new LinkedHashMap<>();
		Map<String, double[]> scores = new LinkedHashMap<>();
		long started = System.nanoTime();
		long rows = 0;
		for (Path p : files) {
			String file = p.getParent().getFileName() + "/" + p.getFileName();
			if (!corpus.labelled(file)) {
				continue;
			}
			NabCorpus.Series s = NabCorpus.series(p);
			ValueDetector detector = new ValueDetector(Math.max(1, NabScorer.probationaryLength(s.values().length)));
			double[] out = new double[s.values().length];
			for (int i = 0; i < out.length; i++) {
				out[i] = detector.next(s.instant(i), s.values()[i]);
			}
			rows += out.length;
			series.put(file, s);
			scores.put(file, out);
		}
		if (series.isEmpty()) {
			throw new IllegalArgumentException("no labelled NAB data files under " + data);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.err.printf("bench: detector ran over %d files, %d rows in %.1f s%n", series.size(), rows, seconds);
		Map<String, Object> figures = score(corpus, profiles,
				profile -> series.entrySet()
					.stream()
					.map(e -> corpus.scored(e.getKey(), e.getValue().timestamps(), scores.get(e.getKey()), profile))
					.toList());
		figures.put("files", series.size());
		figures.put("rows", rows);
		figures.put("microsPerRow", round(seconds * 1e6 / rows));
		System.out.println(JsonMapper.builder().build().writeValueAsString(figures));
	}

	private static void scoreResults(Path dir, NabCorpus corpus, List<String> profiles) throws IOException {
		String prefix = dir.getFileName() + "_";
		List<Path> files;
		try (Stream<Path> walk = Files.walk(dir)) {
			files = walk.filter(p -> p.getFileName().toString().startsWith(prefix))
				.filter(p -> p.toString().endsWith(".csv") && !p.toString().endsWith("_scores.csv"))
				.filter(p -> !dir.equals(p.getParent()))
				.sorted()
				.toList();
		}
		Map<String, Object> figures = score(corpus, profiles, profile -> {
			List<NabScorer.Scored> scored = new ArrayList<>();
			for (Path p : files) {
				String file = p.getParent().getFileName() + "/" + p.getFileName().toString().substring(prefix.length());
				if (corpus.labelled(file)) {
					scored.add(corpus.results(p, file, profile));
				}
			}
			if (scored.isEmpty()) {
				throw new IllegalArgumentException(
						"no result files named " + prefix + "….csv for labelled NAB files under " + dir);
			}
			return scored;
		});
		figures.put("files", files.size());
		System.out.println(JsonMapper.builder().build().writeValueAsString(figures));
	}

	/** A corpus of files scored for one profile. */
	private interface Corpus {

		List<NabScorer.Scored> scored(NabScorer.Profile profile) throws IOException;

	}

	private static Map<String, Object> score(NabCorpus corpus, List<String> profiles, Corpus files) throws IOException {
		Map<String, Object> figures = new LinkedHashMap<>();
		Map<String, Map<String, Double>> categories = new TreeMap<>();
		for (String name : profiles) {
			NabScorer.Profile profile = corpus.profile(name);
			List<NabScorer.Scored> scored = files.scored(profile);
			NabScorer.Optimum best = NabScorer.optimise(scored, profile);
			int windows = scored.stream().mapToInt(NabScorer.Scored::windows).sum();
			figures.put(name, round(NabScorer.normalised(best.score(), windows, profile)));
			System.err.printf("bench: %s: %d files, %d windows, threshold %.6f, raw %.2f%n", name, scored.size(),
					windows, best.threshold(), best.score());
			Map<String, List<NabScorer.Scored>> byCategory = new TreeMap<>();
			scored.forEach(s -> byCategory
				.computeIfAbsent(s.file().substring(0, s.file().indexOf('/')), k -> new ArrayList<>())
				.add(s));
			byCategory.forEach((category, list) -> {
				double raw = list.stream().mapToDouble(s -> NabScorer.score(s, best.threshold(), profile)).sum();
				int w = list.stream().mapToInt(NabScorer.Scored::windows).sum();
				categories.computeIfAbsent(category, k -> new LinkedHashMap<>())
					.put(name, w == 0 ? null : round(NabScorer.normalised(raw, w, profile)));
			});
		}
		figures.put("categories", categories);
		return figures;
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}

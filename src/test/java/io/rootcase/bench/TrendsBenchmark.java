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
		options.allow(Set.of("score-results", "nab"));
		String results = options.text("score-results", null);
		if (results == null) {
			throw new IllegalArgumentException("usage: bench/run trends --score-results DIR [--nab DIR]"
					+ " (the surge detector itself is not built yet)");
		}
		Path dir = Path.of(results);
		Path nab = Path.of(options.text("nab", "../shared/data/nab"));
		NabCorpus corpus = new NabCorpus(nab);
		String prefix = dir.getFileName() + "_";
		List<Path> files;
		try (Stream<Path> walk = Files.walk(dir)) {
			files = walk.filter(p -> p.getFileName().toString().startsWith(prefix))
				.filter(p -> p.toString().endsWith(".csv") && !p.toString().endsWith("_scores.csv"))
				.filter(p -> !dir.equals(p.getParent()))
				.sorted()
				.toList();
		}
		Map<String, Object> figures = new LinkedHashMap<>();
		Map<String, Map<String, Double>> categories = new TreeMap<>();
		for (String name : PROFILES) {
			NabScorer.Profile profile = corpus.profile(name);
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
			NabScorer.Optimum best = NabScorer.optimise(scored, profile);
			int windows = scored.stream().mapToInt(NabScorer.Scored::windows).sum();
			figures.put(name, round(NabScorer.normalised(best.score(), windows, profile)));
			System.err.printf("bench: %s: %d files, %d windows, threshold %.4f, raw %.2f%n", name, scored.size(),
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
		figures.put("files", files.size());
		System.out.println(JsonMapper.builder().build().writeValueAsString(figures));
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}

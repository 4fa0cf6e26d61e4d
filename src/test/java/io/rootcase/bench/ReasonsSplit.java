package io.rootcase.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.rootcase.reasons.LabelledExample;
import io.rootcase.reasons.TrainingFile;

/**
 * {@code bench/run reasons-split --input FILE --out DIR [--share 0.2] [--seed 1]
 * [--unseen 0]}: carves a validation split from a labelled CSV file, the same share of
 * every reason, into {@code DIR/train.csv} and {@code DIR/validation.csv}. With
 * {@code --unseen N}, N whole reasons go to validation only, to measure out-of-scope
 * detection.
 */
final class ReasonsSplit {

	private ReasonsSplit() {
	}

	static void run(Options options) throws IOException {
		options.allow(Set.of("input", "out", "share", "seed", "unseen"));
		String input = options.text("input", null);
		String out = options.text("out", null);
		if (input == null || out == null) {
			throw new IllegalArgumentException("usage: bench/run reasons-split --input FILE --out DIR");
		}
		double share = Double.parseDouble(options.text("share", "0.2"));
		Random random = new Random(options.integer("seed", 1));
		List<LabelledExample> examples;
		try (Reader reader = Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8)) {
			examples = TrainingFile.read(reader).examples();
		}
		Map<String, List<LabelledExample>> byReason = new TreeMap<>();
		examples.forEach(e -> byReason.computeIfAbsent(e.reasonKey(), k -> new ArrayList<>()).add(e));
		List<String> reasons = new ArrayList<>(byReason.keySet());
		Collections.shuffle(reasons, random);
		Set<String> unseen = Set.copyOf(reasons.subList(0, options.integer("unseen", 0)));
		List<LabelledExample> train = new ArrayList<>();
		List<LabelledExample> validation = new ArrayList<>();
		byReason.forEach((reason, rows) -> {
			Collections.shuffle(rows, random);
			int held = unseen.contains(reason) ? rows.size() : (int) Math.round(rows.size() * share);
			validation.addAll(rows.subList(0, held));
			train.addAll(rows.subList(held, rows.size()));
		});
		Files.createDirectories(Path.of(out));
		write(Path.of(out, "train.csv"), train);
		write(Path.of(out, "validation.csv"), validation);
		System.out.printf("{\"train\":%d,\"validation\":%d,\"unseenReasons\":%d}%n", train.size(), validation.size(),
				unseen.size());
	}

	private static void write(Path file, List<LabelledExample> rows) throws IOException {
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				CSVPrinter csv = new CSVPrinter(writer,
						CSVFormat.RFC4180.builder().setHeader("text", "category").get())) {
			for (LabelledExample row : rows) {
				csv.printRecord(row.text(), row.reasonKey());
			}
		}
	}

}

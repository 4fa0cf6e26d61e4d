package io.rootcase.bench;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rootcase.reasons.LabelledExample;
import io.rootcase.reasons.OnnxSentenceEncoder;
import io.rootcase.reasons.JoinedSentenceEncoder;
import io.rootcase.reasons.ReasonClassifier;
import io.rootcase.reasons.ReasonEvaluation;
import io.rootcase.reasons.ReasonTrainer;
import io.rootcase.reasons.TrainingFile;
import io.rootcase.shared.InvalidRequestException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/run reasons --train FILE --test FILE}: trains the contact-reason
 * classifier from scratch on one labelled CSV file and evaluates it on another, measuring
 * accuracy, training time, per-message latency on one thread and peak heap.
 */
final class ReasonsBenchmark {

	private ReasonsBenchmark() {
	}

	static void run(Options options) throws IOException {
		options.allow(Set.of("train", "test", "encoders"));
		String trainFile = options.text("train", null);
		String testFile = options.text("test", null);
		if (trainFile == null || testFile == null) {
			throw new IllegalArgumentException(
					"usage: bench/run reasons --train FILE --test FILE [--encoders NAME,...]");
		}
		TrainingFile.Parsed train = parse(trainFile, true);
		TrainingFile.Parsed test = parse(testFile, false);
		train.warnings().forEach(w -> System.err.println("bench: train: " + w));
		System.err.printf("bench: %d training messages, %d reasons; %d test messages%n", train.examples().size(),
				train.counts().size(), test.examples().size());
		MemoryPoolMXBean[] heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.toArray(MemoryPoolMXBean[]::new);
		Arrays.stream(heap).forEach(MemoryPoolMXBean::resetPeakUsage);

		long start = System.nanoTime();
		JoinedSentenceEncoder encoder = JoinedSentenceEncoder
			.of(List.of(options.text("encoders", String.join(",", OnnxSentenceEncoder.NAMES)).split(",")));
		ReasonTrainer trainer = new ReasonTrainer(encoder, ReasonTrainer.Settings.standard(encoder.size()));
		ReasonClassifier model = trainer.train(train.examples());
		double trainSeconds = (System.nanoTime() - start) / 1e9;
		System.err.printf("bench: trained in %.1f s%n", trainSeconds);

		for (LabelledExample warm : test.examples().subList(0, Math.min(50, test.examples().size()))) {
			JoinedSentenceEncoder.Encoding encoding = encoder.read(warm.text());
			model.predict(warm.text(), encoding.meaning(), encoding::whole);
		}
		// As the service reads a contact: the meaning's encoder first, the others only
		// when the model's first stage is unsure.
		long[] latency = new long[test.examples().size()];
		int readWhole = 0;
		for (int i = 0; i < latency.length; i++) {
			String text = test.examples().get(i).text();
			long t = System.nanoTime();
			JoinedSentenceEncoder.Encoding encoding = encoder.read(text);
			model.predict(text, encoding.meaning(), encoding::whole);
			latency[i] = System.nanoTime() - t;
			readWhole += encoding.readWhole() ? 1 : 0;
		}
		ReasonEvaluation evaluation = ReasonEvaluation.of(model,
				new ReasonTrainer.Encoded(test.examples(), encoder.encodeAll(texts(test))));
		long peak = Arrays.stream(heap).mapToLong(p -> p.getPeakUsage().getUsed()).sum();

		Arrays.sort(latency);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("accuracy", round(evaluation.accuracy()));
		figures.put("macroF1", round(evaluation.macroF1()));
		figures.put("trainSeconds", round(trainSeconds));
		figures.put("p50Ms", round(percentile(latency, 0.50)));
		figures.put("p99Ms", round(percentile(latency, 0.99)));
		figures.put("peakHeapMb", Math.round(peak / (1024.0 * 1024.0)));
		figures.put("wholeVectorShare", round((double) readWhole / latency.length));
		figures.put("minConfidence", round(model.minConfidence()));
		figures.put("unclassifiedShare", round(evaluation.unclassifiedShare()));
		figures.put("acceptedAccuracy", round(evaluation.acceptedAccuracy()));
		if (evaluation.outOfScopeRecall() != null) {
			figures.put("outOfScopeMessages", evaluation.outOfScope());
			figures.put("oosRecall", round(evaluation.outOfScopeRecall()));
			figures.put("inScopeAccuracyAtThreshold", round(evaluation.acceptedAccuracy()));
		}
		System.out.println(JsonMapper.builder().build().writeValueAsString(figures));
	}

	private static TrainingFile.Parsed parse(String file, boolean forTraining) throws IOException {
		try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
			return forTraining ? TrainingFile.forTraining(reader) : TrainingFile.read(reader);
		}
		catch (InvalidRequestException ex) {
			ex.problems()
				.forEach(p -> System.err.println("bench: " + file + ": line " + p.position() + ": " + p.message()));
			throw new IllegalArgumentException(file + " was refused: " + ex.getMessage());
		}
	}

	private static List<String> texts(TrainingFile.Parsed file) {
		return file.examples().stream().map(LabelledExample::text).toList();
	}

	private static double percentile(long[] sorted, double p) {
		return sorted.length == 0 ? 0
				: sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

	private static double round(double value) {
		return Math.round(value * 10000) / 10000.0;
	}

}

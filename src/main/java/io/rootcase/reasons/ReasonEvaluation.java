package io.rootcase.reasons;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a model did on messages it did not learn from.
 *
 * @param examples messages evaluated
 * @param accuracy share of messages about a known reason whose likeliest reason was right
 * @param macroF1 F1 averaged over the known reasons that occur
 * @param unclassifiedShare share of messages about a known reason left to triage
 * @param acceptedAccuracy share of messages about a known reason that were classified and
 * right (left to triage counts as not right)
 * @param outOfScope messages about a reason the model does not know
 * @param outOfScopeRecall share of those left to triage; {@code null} without any
 */
public record ReasonEvaluation(int examples, double accuracy, double macroF1, double unclassifiedShare,
		double acceptedAccuracy, int outOfScope, Double outOfScopeRecall) {

	/** Evaluates the model on the examples with their vectors. */
	public static ReasonEvaluation of(ReasonClassifier model, ReasonTrainer.Encoded data) {
		Set<String> known = new HashSet<>(model.labels());
		Map<String, int[]> counts = new HashMap<>();
		int inScope = 0;
		int right = 0;
		int unclassified = 0;
		int acceptedRight = 0;
		int outOfScope = 0;
		int rejected = 0;
		for (int i = 0; i < data.examples().size(); i++) {
			LabelledExample example = data.examples().get(i);
			Prediction p = model.predict(example.text(), data.embeddings().get(i));
			if (!known.contains(example.reasonKey())) {
				outOfScope++;
				rejected += p.unclassified() ? 1 : 0;
				continue;
			}
			inScope++;
			boolean correct = example.reasonKey().equals(p.reasonKey());
			right += correct ? 1 : 0;
			unclassified += p.unclassified() ? 1 : 0;
			acceptedRight += correct && !p.unclassified() ? 1 : 0;
			// true positives, false positives, false negatives
			counts.computeIfAbsent(example.reasonKey(), k -> new int[3])[correct ? 0 : 2]++;
			if (!correct && p.reasonKey() != null) {
				counts.computeIfAbsent(p.reasonKey(), k -> new int[3])[1]++;
			}
		}
		return new ReasonEvaluation(data.examples().size(), share(right, inScope), macroF1(counts, data.examples()),
				share(unclassified, inScope), share(acceptedRight, inScope), outOfScope,
				outOfScope == 0 ? null : share(rejected, outOfScope));
	}

	private static double macroF1(Map<String, int[]> counts, List<LabelledExample> examples) {
		Set<String> occurring = new HashSet<>();
		examples.forEach(e -> occurring.add(e.reasonKey()));
		double sum = 0;
		int n = 0;
		for (Map.Entry<String, int[]> e : counts.entrySet()) {
			if (!occurring.contains(e.getKey())) {
				continue;
			}
			int[] c = e.getValue();
			sum += c[0] == 0 ? 0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]);
			n++;
		}
		return n == 0 ? 0 : sum / n;
	}

	private static double share(int part, int whole) {
		return whole == 0 ? 0 : (double) part / whole;
	}

}

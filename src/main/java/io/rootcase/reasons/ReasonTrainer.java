package io.rootcase.reasons;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * Trains a {@link ReasonClassifier} from labelled messages. The linear model is
 * LIBLINEAR's multi-class SVM (Crammer and Singer), which measured more accurate and
 * several times faster than its logistic regression on these features (see
 * docs/benchmarks.md). Its scores become probabilities through a temperature fitted on a
 * calibration part of the examples (on all of them, cross-validated, while they are few),
 * and the confidence below which a message goes to triage is read off the same part; the
 * model kept is then trained on all examples. Over several joined encoders, a first stage
 * over the meaning's encoder alone is trained the same way.
 */
public final class ReasonTrainer {

	/**
	 * How sure a model's first stage (the meaning's encoder alone) must be for its answer
	 * to stand. At 0.9 the staged model was exactly as accurate as the whole one on two
	 * validation splits and asked for the other encoders for 17 % of the messages; at 0.7
	 * it lost a tenth of a point on one (docs/benchmarks.md, reasons).
	 */
	static final double FIRST_STAGE_CONFIDENCE = 0.9;

	/**
	 * Below this many examples the calibration is cross-validated: each example is scored
	 * by a fit that did not see it, so the thresholds are read off all of them. A
	 * held-out tenth of a few hundred examples is a handful, and the least typical of a
	 * handful sets each threshold: on the 80 messages of a small demo history, one
	 * example more or less moved the share left to triage between a fifth and three
	 * quarters. Above it a tenth is enough, and five fits of the whole file would cost
	 * the training time its target leaves no room for.
	 */
	static final int CROSS_VALIDATE_BELOW = 1000;

	private static final int FOLDS = 5;

	private final SentenceEncoder encoder;

	private final Settings settings;

	public ReasonTrainer(SentenceEncoder encoder, Settings settings) {
		this.encoder = encoder;
		this.settings = settings;
	}

	/**
	 * @param cost LIBLINEAR's C: lower trusts the examples less
	 * @param embeddingWeight how much the (joined, unit-length) sentence embedding counts
	 * against the n-grams
	 * @param calibrationShare part of each reason's examples held back to calibrate
	 * @param unclassifiedShare share of ordinary messages the model should leave to a
	 * person; sets the confidence threshold
	 * @param seed fixes the calibration split
	 */
	public record Settings(double cost, double embeddingWeight, double calibrationShare, double unclassifiedShare,
			long seed) {

		/** Measured (decision 0011). */
		public static final double COST = 0.5;

		/** How much each encoder's part counts against the n-grams (measured, 0011). */
		public static final double WEIGHT_PER_ENCODER = 1.5;

		public static final double UNCLASSIFIED_SHARE = 0.05;

		/** The measured settings for a vector joined from this many encoders. */
		public static Settings standard(int encoders) {
			return forEncoders(encoders, COST, WEIGHT_PER_ENCODER, UNCLASSIFIED_SHARE);
		}

		/**
		 * Each encoder's part of the joined vector is a 1/sqrt(n) share of it; the weight
		 * is given per encoder so that it means the same for one encoder or two.
		 */
		public static Settings forEncoders(int encoders, double cost, double weightPerEncoder,
				double unclassifiedShare) {
			return new Settings(cost, weightPerEncoder * Math.sqrt(encoders), 0.1, unclassifiedShare, 7);
		}

	}

	/** Texts with their vectors, so evaluation and training share one encoding pass. */
	public record Encoded(List<LabelledExample> examples, List<float[]> embeddings) {

		public Encoded {
			if (examples.size() != embeddings.size()) {
				throw new IllegalArgumentException("every example needs its vector");
			}
		}

	}

	public Encoded encode(List<LabelledExample> examples) {
		return new Encoded(examples,
				this.encoder.encodeAll(examples.stream().map(e -> ReasonClassifier.clip(e.text())).toList()));
	}

	public ReasonClassifier train(List<LabelledExample> examples) {
		return train(encode(examples));
	}

	public ReasonClassifier train(Encoded data) {
		ReasonClassifier model = trainStage(data, true);
		if (this.encoder instanceof JoinedSentenceEncoder joined && joined.size() > 1) {
			Settings alone = new Settings(this.settings.cost(), this.settings.embeddingWeight() * joined.scale(),
					this.settings.calibrationShare(), this.settings.unclassifiedShare(), this.settings.seed());
			// The first stage keeps the fit its calibration was measured on, rather than
			// fitting all examples again: training takes a fit less, and the stage only
			// decides when to stop.
			ReasonClassifier first = new ReasonTrainer(joined.meaning(), alone).trainStage(
					new Encoded(data.examples(), data.embeddings().stream().map(joined::meaningOf).toList()), false);
			return model.withFirstStage(first, FIRST_STAGE_CONFIDENCE, joined.scale());
		}
		return model;
	}

	/**
	 * @param refit whether the model kept is fitted on all examples once calibrated,
	 * rather than the fit the calibration was measured on
	 */
	private ReasonClassifier trainStage(Encoded data, boolean refit) {
		List<String> labels = new ArrayList<>(
				new TreeSet<>(data.examples().stream().map(LabelledExample::reasonKey).toList()));
		if (labels.size() < 2) {
			throw new IllegalArgumentException("training needs examples of at least two reasons");
		}
		boolean crossValidated = data.examples().size() < CROSS_VALIDATE_BELOW;
		List<List<Integer>> heldOut = crossValidated ? folds(data, labels) : List.of(calibrationPart(data, labels));
		List<double[]> scores = new ArrayList<>();
		List<Double> similarity = new ArrayList<>();
		List<Integer> truth = new ArrayList<>();
		ReasonClassifier partial = null;
		for (List<Integer> held : heldOut) {
			if (held.isEmpty()) {
				continue;
			}
			Set<Integer> out = new HashSet<>(held);
			List<Integer> fit = IntStream.range(0, data.examples().size())
				.filter(i -> !out.contains(i))
				.boxed()
				.toList();
			partial = fit(data, fit, labels, 1, 0, -1);
			for (int i : held) {
				scores.add(
						partial.scores(ReasonClassifier.clip(data.examples().get(i).text()), data.embeddings().get(i)));
				similarity.add(partial.nearestSimilarity(data.embeddings().get(i)));
				truth.add(labels.indexOf(data.examples().get(i).reasonKey()));
			}
		}
		double temperature = 1;
		double minConfidence = 0;
		double minSimilarity = -1;
		if (!scores.isEmpty()) {
			temperature = Calibration.temperature(scores, truth.stream().mapToInt(Integer::intValue).toArray());
			// Confidence separates out-of-scope messages better on real traffic (see
			// docs/benchmarks.md); distance from every reason catches what is far off.
			double share = this.settings.unclassifiedShare();
			minSimilarity = Calibration.quantile(similarity.stream().mapToDouble(Double::doubleValue).toArray(),
					share / 5);
			minConfidence = Calibration.threshold(scores, temperature, share * 4 / 5);
		}
		if (!refit && !crossValidated && partial != null) {
			return partial.calibrated(temperature, minConfidence, minSimilarity);
		}
		return fit(data, IntStream.range(0, data.examples().size()).boxed().toList(), labels, temperature,
				minConfidence, minSimilarity);
	}

	/**
	 * Every example held out once, in one of {@link #FOLDS} parts, each reason spread
	 * over them; a reason's only example stays in every fit, which could not do without
	 * it.
	 */
	private List<List<Integer>> folds(Encoded data, List<String> labels) {
		List<List<Integer>> folds = new ArrayList<>();
		for (int f = 0; f < FOLDS; f++) {
			folds.add(new ArrayList<>());
		}
		for (List<Integer> indices : byLabel(data, labels)) {
			if (indices.size() >= 2) {
				for (int k = 0; k < indices.size(); k++) {
					folds.get(k % FOLDS).add(indices.get(k));
				}
			}
		}
		folds.forEach(Collections::sort);
		return folds;
	}

	/** Each reason's examples, in an order shuffled the same way every time. */
	private List<List<Integer>> byLabel(Encoded data, List<String> labels) {
		Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
		labels.forEach(l -> byLabel.put(l, new ArrayList<>()));
		for (int i = 0; i < data.examples().size(); i++) {
			byLabel.get(data.examples().get(i).reasonKey()).add(i);
		}
		Random random = new Random(this.settings.seed());
		byLabel.values().forEach(indices -> Collections.shuffle(indices, random));
		return List.copyOf(byLabel.values());
	}

	private List<Integer> calibrationPart(Encoded data, List<String> labels) {
		List<Integer> part = new ArrayList<>();
		for (List<Integer> indices : byLabel(data, labels)) {
			// A reason with few examples keeps them all for fitting.
			int take = (int) Math.floor(indices.size() * this.settings.calibrationShare());
			part.addAll(indices.subList(0, indices.size() >= 5 ? take : 0));
		}
		return part;
	}

	private ReasonClassifier fit(Encoded data, List<Integer> rows, List<String> labels, double temperature,
			double minConfidence, double minSimilarity) {
		List<String> texts = rows.stream().map(i -> ReasonClassifier.clip(data.examples().get(i).text())).toList();
		TextFeatures features = TextFeatures.learn(texts);
		int dimension = data.embeddings().get(0).length;
		float weight = (float) this.settings.embeddingWeight();
		Problem problem = new Problem();
		problem.l = rows.size();
		// LIBLINEAR wants the bias as the last feature of every row, counted in n.
		problem.n = dimension + features.size() + 1;
		problem.bias = 1;
		problem.x = new Feature[rows.size()][];
		problem.y = new double[rows.size()];
		for (int r = 0; r < rows.size(); r++) {
			int i = rows.get(r);
			problem.x[r] = nodes(data.embeddings().get(i), weight, features.vector(texts.get(r)), problem.n);
			problem.y[r] = labels.indexOf(data.examples().get(i).reasonKey());
		}
		Model model;
		synchronized (Linear.class) {
			// LIBLINEAR keeps its random source and log switch in static fields.
			Linear.disableDebugOutput();
			Linear.resetRandom();
			model = Linear.train(problem, new Parameter(SolverType.MCSVM_CS, this.settings.cost(), 0.01));
		}
		List<float[]> embeddings = rows.stream().map(data.embeddings()::get).toList();
		int[] truth = new int[rows.size()];
		for (int r = 0; r < rows.size(); r++) {
			truth[r] = (int) problem.y[r];
		}
		return new ReasonClassifier(labels, features, dimension, weight, columnsByLabel(model, labels.size()),
				temperature, minConfidence, ReasonClassifier.centroids(embeddings, truth, labels.size()),
				minSimilarity);
	}

	private static Feature[] nodes(float[] embedding, float weight, TextFeatures.Sparse grams, int bias) {
		Feature[] nodes = new Feature[embedding.length + grams.indices().length + 1];
		for (int j = 0; j < embedding.length; j++) {
			nodes[j] = new FeatureNode(j + 1, embedding[j] * weight);
		}
		for (int k = 0; k < grams.indices().length; k++) {
			nodes[embedding.length + k] = new FeatureNode(embedding.length + grams.indices()[k] + 1, grams.values()[k]);
		}
		nodes[nodes.length - 1] = new FeatureNode(bias, 1);
		return nodes;
	}

	/** LIBLINEAR orders columns by first appearance; the classifier wants label order. */
	private static float[] columnsByLabel(Model model, int classes) {
		double[] w = model.getFeatureWeights();
		int[] columnLabel = model.getLabels();
		int rows = w.length / columnLabel.length;
		float[] weights = new float[rows * classes];
		for (int row = 0; row < rows; row++) {
			for (int c = 0; c < columnLabel.length; c++) {
				weights[row * classes + columnLabel[c]] = (float) w[row * columnLabel.length + c];
			}
		}
		return weights;
	}

}

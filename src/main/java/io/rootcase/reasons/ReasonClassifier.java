package io.rootcase.reasons;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained contact-reason model: a linear model over a sentence embedding and TF-IDF
 * n-grams, with a temperature that turns its scores into calibrated probabilities and a
 * confidence below which a message is left for a person (too unsure, or about something
 * no known reason covers). Prediction is a dot product, done here so that a stored model
 * needs nothing of the library that trained it.
 * <p>
 * A model over several joined encoders may have a first stage: the same kind of model
 * over the first encoder's part alone (the meaning), whose answer stands when it is sure.
 * Only the messages it is unsure of need the other encoders, which take most of a
 * prediction's time (docs/benchmarks.md, reasons).
 */
public final class ReasonClassifier {

	/** Longer messages are cut: the opening says what the contact is about. */
	static final int MAX_CHARS = 2000;

	/** Format 1 had no first stage; it is still read. */
	private static final int FORMAT = 2;

	private static final int ALTERNATIVES = 3;

	private final List<String> labels;

	private final TextFeatures features;

	private final int dimension;

	private final float embeddingWeight;

	/** Row per feature (embedding, then n-grams, then bias), a column per label. */
	private final float[] weights;

	private final double temperature;

	private final double minConfidence;

	/** Each reason's mean message vector, unit length, a row per label. */
	private final float[] centroids;

	private final double minSimilarity;

	/** The first stage over the meaning part of the vector, or {@code null}. */
	private final ReasonClassifier first;

	/** How sure the first stage must be for its answer to stand. */
	private final double firstConfidence;

	/** The factor the meaning part was scaled by when joined. */
	private final float meaningScale;

	ReasonClassifier(List<String> labels, TextFeatures features, int dimension, float embeddingWeight, float[] weights,
			double temperature, double minConfidence, float[] centroids, double minSimilarity) {
		this(labels, features, dimension, embeddingWeight, weights, temperature, minConfidence, centroids,
				minSimilarity, null, 1, 1);
	}

	private ReasonClassifier(List<String> labels, TextFeatures features, int dimension, float embeddingWeight,
			float[] weights, double temperature, double minConfidence, float[] centroids, double minSimilarity,
			ReasonClassifier first, double firstConfidence, float meaningScale) {
		if (weights.length != (dimension + features.size() + 1) * labels.size()) {
			throw new IllegalArgumentException("weights do not fit the features and labels: " + weights.length + " for "
					+ dimension + " + " + features.size() + " + 1 features and " + labels.size() + " labels");
		}
		this.labels = List.copyOf(labels);
		this.features = features;
		this.dimension = dimension;
		this.embeddingWeight = embeddingWeight;
		this.weights = weights;
		this.temperature = temperature;
		this.minConfidence = minConfidence;
		if (centroids.length != dimension * labels.size()) {
			throw new IllegalArgumentException("every label needs its centroid");
		}
		this.centroids = centroids;
		this.minSimilarity = minSimilarity;
		if (first != null
				&& (first.first != null || !first.labels.equals(this.labels) || first.dimension >= dimension)) {
			throw new IllegalArgumentException(
					"a first stage reads the same reasons from the first part of the vector, and has no stage of its own");
		}
		this.first = first;
		this.firstConfidence = firstConfidence;
		this.meaningScale = meaningScale;
	}

	/**
	 * This model with a first stage over the meaning part of its vectors.
	 * @param confidence how sure the first stage must be for its answer to stand
	 * @param meaningScale the factor the meaning part was scaled by when joined
	 */
	ReasonClassifier withFirstStage(ReasonClassifier stage, double confidence, float meaningScale) {
		return new ReasonClassifier(this.labels, this.features, this.dimension, this.embeddingWeight, this.weights,
				this.temperature, this.minConfidence, this.centroids, this.minSimilarity, stage, confidence,
				meaningScale);
	}

	/** This model with another calibration. */
	ReasonClassifier calibrated(double temperature, double minConfidence, double minSimilarity) {
		return new ReasonClassifier(this.labels, this.features, this.dimension, this.embeddingWeight, this.weights,
				temperature, minConfidence, this.centroids, minSimilarity, this.first, this.firstConfidence,
				this.meaningScale);
	}

	boolean hasFirstStage() {
		return this.first != null;
	}

	static String clip(String text) {
		return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
	}

	public List<String> labels() {
		return this.labels;
	}

	public double minConfidence() {
		return this.minConfidence;
	}

	/**
	 * @param text the message
	 * @param embedding its vector from the encoder the model was trained with
	 */
	public Prediction predict(String text, float[] embedding) {
		return predict(text,
				this.first == null ? null
						: JoinedSentenceEncoder.firstPart(embedding, this.first.dimension, this.meaningScale),
				() -> embedding);
	}

	/**
	 * Reads a message in stages: the first stage's answer stands when it is sure and has
	 * no doubt; otherwise, or without a first stage, the whole vector is asked for.
	 * @param meaning the message's vector from the first encoder (unit length), or
	 * {@code null} for a model without a first stage
	 * @param embedding its whole vector, asked for only when needed
	 */
	public Prediction predict(String text, float[] meaning, Supplier<float[]> embedding) {
		if (text == null || text.isBlank()) {
			return Prediction.none(Doubt.EMPTY);
		}
		if (this.first != null) {
			Prediction quick = this.first.predict(text, meaning);
			if (quick.doubt() == null && quick.confidence() >= this.firstConfidence) {
				return quick;
			}
		}
		return ownPrediction(text, embedding.get());
	}

	private Prediction ownPrediction(String text, float[] embedding) {
		double[] probabilities = softmax(scores(clip(text), embedding), this.temperature);
		List<Prediction.Ranked> ranked = new ArrayList<>();
		for (int k = 0; k < probabilities.length; k++) {
			ranked.add(new Prediction.Ranked(this.labels.get(k), probabilities[k]));
		}
		ranked.sort(Comparator.comparingDouble(Prediction.Ranked::probability).reversed());
		Prediction.Ranked best = ranked.get(0);
		Doubt doubt = nearestSimilarity(embedding) < this.minSimilarity ? Doubt.OUT_OF_SCOPE
				: best.probability() < this.minConfidence ? Doubt.UNSURE : null;
		return new Prediction(best.reasonKey(), best.probability(), doubt,
				ranked.subList(0, Math.min(ALTERNATIVES, ranked.size())));
	}

	/**
	 * How close the message comes to the nearest reason's typical message: a message
	 * about something no reason covers is far from all of them, however sure the linear
	 * model is about which side of its boundaries it falls.
	 */
	double nearestSimilarity(float[] embedding) {
		double best = -1;
		for (int k = 0; k < this.labels.size(); k++) {
			double dot = 0;
			for (int j = 0; j < this.dimension; j++) {
				dot += this.centroids[k * this.dimension + j] * embedding[j];
			}
			best = Math.max(best, dot);
		}
		return best;
	}

	static float[] centroids(List<float[]> embeddings, int[] label, int classes) {
		int dimension = embeddings.get(0).length;
		float[] sums = new float[classes * dimension];
		for (int i = 0; i < embeddings.size(); i++) {
			for (int j = 0; j < dimension; j++) {
				sums[label[i] * dimension + j] += embeddings.get(i)[j];
			}
		}
		for (int k = 0; k < classes; k++) {
			double norm = 0;
			for (int j = 0; j < dimension; j++) {
				norm += sums[k * dimension + j] * sums[k * dimension + j];
			}
			for (int j = 0; j < dimension && norm > 0; j++) {
				sums[k * dimension + j] /= (float) Math.sqrt(norm);
			}
		}
		return sums;
	}

	double[] scores(String text, float[] embedding) {
		if (embedding.length != this.dimension) {
			throw new IllegalArgumentException(
					"the model expects vectors of " + this.dimension + " values, not " + embedding.length);
		}
		int classes = this.labels.size();
		double[] scores = new double[classes];
		for (int j = 0; j < this.dimension; j++) {
			addRow(scores, j, embedding[j] * this.embeddingWeight);
		}
		TextFeatures.Sparse grams = this.features.vector(text);
		for (int i = 0; i < grams.indices().length; i++) {
			addRow(scores, this.dimension + grams.indices()[i], grams.values()[i]);
		}
		addRow(scores, this.dimension + this.features.size(), 1);
		return scores;
	}

	private void addRow(double[] scores, int row, double value) {
		int offset = row * scores.length;
		for (int k = 0; k < scores.length; k++) {
			scores[k] += this.weights[offset + k] * value;
		}
	}

	static double[] softmax(double[] scores, double temperature) {
		double max = Double.NEGATIVE_INFINITY;
		for (double s : scores) {
			max = Math.max(max, s);
		}
		double[] p = new double[scores.length];
		double sum = 0;
		for (int k = 0; k < scores.length; k++) {
			p[k] = Math.exp((scores[k] - max) / temperature);
			sum += p[k];
		}
		for (int k = 0; k < p.length; k++) {
			p[k] /= sum;
		}
		return p;
	}

	/** Writes the model in Rootcase's own compressed format. */
	public void writeTo(OutputStream out) throws IOException {
		GZIPOutputStream zip = new GZIPOutputStream(out);
		DataOutputStream data = new DataOutputStream(zip);
		data.writeInt(FORMAT);
		write(data);
		data.writeBoolean(this.first != null);
		if (this.first != null) {
			data.writeDouble(this.firstConfidence);
			data.writeFloat(this.meaningScale);
			this.first.write(data);
		}
		data.flush();
		zip.finish();
	}

	private void write(DataOutputStream data) throws IOException {
		data.writeInt(this.labels.size());
		for (String label : this.labels) {
			data.writeUTF(label);
		}
		String[] terms = this.features.terms();
		float[] idf = this.features.idf();
		data.writeInt(terms.length);
		for (int i = 0; i < terms.length; i++) {
			data.writeUTF(terms[i]);
			data.writeFloat(idf[i]);
		}
		data.writeInt(this.dimension);
		data.writeFloat(this.embeddingWeight);
		data.writeDouble(this.temperature);
		data.writeDouble(this.minConfidence);
		data.writeDouble(this.minSimilarity);
		for (float w : this.weights) {
			data.writeFloat(w);
		}
		for (float c : this.centroids) {
			data.writeFloat(c);
		}
	}

	/** Reads a model written by {@link #writeTo}, in this format or the one before. */
	public static ReasonClassifier readFrom(InputStream in) throws IOException {
		DataInputStream data = new DataInputStream(new GZIPInputStream(in, 1 << 16));
		int format = data.readInt();
		if (format != FORMAT && format != 1) {
			throw new IOException("unknown model format " + format);
		}
		ReasonClassifier model = read(data);
		if (format == 1 || !data.readBoolean()) {
			return model;
		}
		double confidence = data.readDouble();
		float scale = data.readFloat();
		return model.withFirstStage(read(data), confidence, scale);
	}

	private static ReasonClassifier read(DataInputStream data) throws IOException {
		List<String> labels = new ArrayList<>();
		for (int n = data.readInt(), i = 0; i < n; i++) {
			labels.add(data.readUTF());
		}
		int size = data.readInt();
		String[] terms = new String[size];
		float[] idf = new float[size];
		for (int i = 0; i < size; i++) {
			terms[i] = data.readUTF();
			idf[i] = data.readFloat();
		}
		int dimension = data.readInt();
		float embeddingWeight = data.readFloat();
		double temperature = data.readDouble();
		double minConfidence = data.readDouble();
		double minSimilarity = data.readDouble();
		float[] weights = new float[(dimension + size + 1) * labels.size()];
		for (int i = 0; i < weights.length; i++) {
			weights[i] = data.readFloat();
		}
		float[] centroids = new float[dimension * labels.size()];
		for (int i = 0; i < centroids.length; i++) {
			centroids[i] = data.readFloat();
		}
		return new ReasonClassifier(labels, new TextFeatures(terms, idf), dimension, embeddingWeight, weights,
				temperature, minConfidence, centroids, minSimilarity);
	}

}

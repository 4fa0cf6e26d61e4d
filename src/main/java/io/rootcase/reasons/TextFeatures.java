package io.rootcase.reasons;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Word, word-pair and character n-grams of a message, weighted by TF-IDF and scaled to
 * unit length. They catch what a sentence embedding blurs: product names, numbers and
 * spelling ("top up" vs "top-up") that decide between neighbouring reasons. Written here
 * because the n-gram choice is the model's and its vocabulary must be stored with it.
 */
final class TextFeatures {

	private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}']+");

	private static final int MIN_DOCUMENT_FREQUENCY = 2;

	private final Map<String, Integer> index;

	private final String[] terms;

	private final float[] idf;

	TextFeatures(String[] terms, float[] idf) {
		if (terms.length != idf.length) {
			throw new IllegalArgumentException("every term needs its weight");
		}
		this.terms = terms.clone();
		this.idf = idf.clone();
		this.index = new HashMap<>(terms.length * 2);
		for (int i = 0; i < terms.length; i++) {
			this.index.put(terms[i], i);
		}
	}

	/** The vocabulary of n-grams seen in at least two of the texts. */
	static TextFeatures learn(List<String> texts) {
		Map<String, Integer> documentFrequency = new HashMap<>();
		for (String text : texts) {
			for (String gram : grams(text).keySet()) {
				documentFrequency.merge(gram, 1, Integer::sum);
			}
		}
		List<String> kept = new ArrayList<>();
		documentFrequency.forEach((gram, df) -> {
			if (df >= MIN_DOCUMENT_FREQUENCY) {
				kept.add(gram);
			}
		});
		kept.sort(null);
		String[] terms = kept.toArray(String[]::new);
		float[] idf = new float[terms.length];
		for (int i = 0; i < terms.length; i++) {
			idf[i] = (float) Math.log((1.0 + texts.size()) / (1.0 + documentFrequency.get(terms[i])) + 1);
		}
		return new TextFeatures(terms, idf);
	}

	int size() {
		return this.terms.length;
	}

	String[] terms() {
		return this.terms.clone();
	}

	float[] idf() {
		return this.idf.clone();
	}

	/** Indices (ascending) and unit-length weights of the known n-grams in the text. */
	Sparse vector(String text) {
		TreeMap<Integer, Double> weights = new TreeMap<>();
		double norm = 0;
		for (Map.Entry<String, Integer> gram : grams(text).entrySet()) {
			Integer i = this.index.get(gram.getKey());
			if (i != null) {
				double w = (1 + Math.log(gram.getValue())) * this.idf[i];
				weights.put(i, w);
				norm += w * w;
			}
		}
		int[] indices = new int[weights.size()];
		double[] values = new double[weights.size()];
		double length = Math.sqrt(norm);
		int k = 0;
		for (Map.Entry<Integer, Double> e : weights.entrySet()) {
			indices[k] = e.getKey();
			values[k++] = e.getValue() / length;
		}
		return new Sparse(indices, values);
	}

	static Map<String, Integer> grams(String text) {
		Map<String, Integer> grams = new HashMap<>();
		List<String> words = Arrays.stream(WORD_BREAK.split(text.toLowerCase(Locale.ROOT)))
			.filter(w -> !w.isEmpty())
			.toList();
		for (int i = 0; i < words.size(); i++) {
			grams.merge("w:" + words.get(i), 1, Integer::sum);
			if (i + 1 < words.size()) {
				grams.merge("b:" + words.get(i) + " " + words.get(i + 1), 1, Integer::sum);
			}
		}
		String joined = " " + String.join(" ", words) + " ";
		for (int n = 3; n <= 5; n++) {
			for (int i = 0; i + n <= joined.length(); i++) {
				grams.merge("c:" + joined.substring(i, i + n), 1, Integer::sum);
			}
		}
		return grams;
	}

	record Sparse(int[] indices, double[] values) {
	}

}

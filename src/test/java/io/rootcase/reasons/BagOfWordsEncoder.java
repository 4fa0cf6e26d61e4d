package io.rootcase.reasons;

import java.util.List;
import java.util.Locale;

/**
 * A stand-in for the neural encoder in fast tests: hashed words, unit length. Messages
 * that share words land close together, which is all the classifier tests need.
 */
final class BagOfWordsEncoder implements SentenceEncoder {

	static final int DIMENSION = 64;

	@Override
	public float[] encode(String text) {
		float[] v = new float[DIMENSION];
		for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
			if (!word.isEmpty()) {
				v[Math.floorMod(word.hashCode(), DIMENSION)] += 1;
			}
		}
		double norm = 0;
		for (float x : v) {
			norm += x * x;
		}
		for (int i = 0; i < v.length && norm > 0; i++) {
			v[i] /= (float) Math.sqrt(norm);
		}
		return v;
	}

	@Override
	public List<float[]> encodeAll(List<String> texts) {
		return texts.stream().map(this::encode).toList();
	}

	@Override
	public int dimension() {
		return DIMENSION;
	}

	@Override
	public String name() {
		return "bag-of-words-test";
	}

}

package io.rootcase.reasons;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A stand-in for the neural encoder in fast tests: hashed words, unit length. Messages
 * that share words land close together, which is all the classifier tests need.
 */
final class BagOfWordsEncoder implements SentenceEncoder {

	static final int DIMENSION = 512;

	/**
	 * Words that carry no meaning, left out as a sentence encoder all but ignores them:
	 * otherwise "what is the capital of france" shares "is" and "the" with "there is no
	 * connection" and looks like a message about the network.
	 */
	private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "is", "are", "was", "of", "to", "in",
			"on", "at", "for", "and", "or", "me", "my", "i", "it", "what", "how", "about", "there", "this", "good",
			"can", "you");

	@Override
	public float[] encode(String text) {
		float[] v = new float[DIMENSION];
		for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
			if (!word.isEmpty() && !FUNCTION_WORDS.contains(word)) {
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

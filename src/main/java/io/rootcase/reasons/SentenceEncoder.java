package io.rootcase.reasons;

import java.util.List;

/**
 * Turns a message into a vector that places messages of similar meaning close together.
 */
public interface SentenceEncoder {

	/** A unit-length vector for the text. */
	float[] encode(String text);

	/** Unit-length vectors for many texts, computed on every core. */
	List<float[]> encodeAll(List<String> texts);

	/** The length of every vector this encoder makes. */
	int dimension();

	/** Names the model, so stored vectors are only compared with vectors of the same. */
	String name();

}

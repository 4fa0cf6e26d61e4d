package io.rootcase.reasons;

import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2, quantised, run in-process by ONNX Runtime from the model file inside
 * LangChain4j's Maven artifact: no network, no Python. Chosen over the unquantised model
 * and bge-small-en-v1.5 by measurement (decision 0011): as accurate on contact reasons
 * and twice as fast.
 */
public final class MiniLmSentenceEncoder implements SentenceEncoder {

	private final EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

	@Override
	public float[] encode(String text) {
		return unit(this.model.embed(text).content());
	}

	@Override
	public List<float[]> encodeAll(List<String> texts) {
		if (texts.isEmpty()) {
			return List.of();
		}
		return this.model.embedAll(texts.stream().map(TextSegment::from).toList())
			.content()
			.stream()
			.map(MiniLmSentenceEncoder::unit)
			.toList();
	}

	@Override
	public String name() {
		return "all-MiniLM-L6-v2-q";
	}

	private static float[] unit(Embedding embedding) {
		float[] v = embedding.vector();
		double norm = 0;
		for (float x : v) {
			norm += x * x;
		}
		double length = Math.sqrt(norm);
		if (length > 0) {
			for (int i = 0; i < v.length; i++) {
				v[i] /= (float) length;
			}
		}
		return v;
	}

}

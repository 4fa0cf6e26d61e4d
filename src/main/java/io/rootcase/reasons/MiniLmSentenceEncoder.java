package io.rootcase.reasons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * all-MiniLM-L6-v2, quantised, run in-process by ONNX Runtime from the model file inside
 * LangChain4j's Maven artifact: no network, no Python. Chosen over the unquantised model
 * and bge-small-en-v1.5 by measurement (decision 0011): as accurate on contact reasons
 * and twice as fast.
 * <p>
 * The session's workers do not spin. ONNX Runtime's default (a worker per core that
 * busy-waits after every call) doubled the processor time of an encoding made now and
 * then, as intake's listeners make them, and took it from intake's request threads and
 * the database on the same machine (docs/benchmarks.md, intake). One encoding uses at
 * most two threads: a message of a few dozen tokens gains little from more, and batches
 * run in parallel on a pool of one thread per core instead.
 */
public final class MiniLmSentenceEncoder implements SentenceEncoder {

	private final Model model = new Model(Shared.POOL);

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

	private static final class Model extends AbstractInProcessEmbeddingModel {

		Model(Executor executor) {
			super(executor);
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return Shared.ENCODER;
		}

		@Override
		protected Integer knownDimension() {
			return 384;
		}

	}

	/**
	 * One session and one pool per process, however many application contexts (tests
	 * start several): the model takes tens of megabytes and is thread-safe.
	 */
	private static final class Shared {

		static final OnnxBertBiEncoder ENCODER = load();

		static final ExecutorService POOL = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
				Thread.ofPlatform().name("sentence-encoder-", 0).daemon().factory());

		private static OnnxBertBiEncoder load() {
			ClassLoader loader = MiniLmSentenceEncoder.class.getClassLoader();
			try (InputStream model = loader.getResourceAsStream("all-minilm-l6-v2-q.onnx");
					InputStream tokenizer = loader.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json");
					OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
				options.setIntraOpNumThreads(Math.min(2, Runtime.getRuntime().availableProcessors()));
				options.setInterOpNumThreads(1);
				options.addConfigEntry("session.intra_op.allow_spinning", "0");
				options.addConfigEntry("session.inter_op.allow_spinning", "0");
				OrtEnvironment environment = OrtEnvironment.getEnvironment();
				OrtSession session = environment.createSession(model.readAllBytes(), options);
				return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (OrtException ex) {
				throw new IllegalStateException("cannot load the sentence encoder", ex);
			}
		}

	}

}

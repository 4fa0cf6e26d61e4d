package io.rootcase.reasons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * A quantised sentence encoder run in-process by ONNX Runtime from the model file inside
 * LangChain4j's Maven artifact: no network, no Python. Two are used (decision 0011):
 * all-MiniLM-L6-v2, the meaning of a message for similar cases and clusters, and
 * bge-small-en-v1.5, which the contact-reason model reads beside it.
 * <p>
 * The session's workers do not spin and an encoding uses one thread. ONNX Runtime's
 * default (a worker per core that busy-waits after every call) doubled the processor time
 * of an encoding made now and then, as intake's listeners make them, and took it from
 * intake's request threads and the database on the same machine (docs/benchmarks.md,
 * intake); a second thread per encoding still cost half as much again in processor time
 * for a tenth of a millisecond. A message's encoders run side by side instead, and
 * batches in parallel on a pool of one thread per core, at the low priority of the
 * listeners that ask for most encodings (see {@code SchedulingConfiguration}).
 */
public final class OnnxSentenceEncoder implements SentenceEncoder {

	/** One session per model file and one pool per process, however many contexts. */
	private static final Map<String, OnnxBertBiEncoder> SESSIONS = new ConcurrentHashMap<>();

	private static final ExecutorService POOL = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
			Thread.ofPlatform().name("sentence-encoder-", 0).priority(Thread.MIN_PRIORITY).daemon().factory());

	private final String name;

	private final Model model;

	private OnnxSentenceEncoder(String name, String file, int dimension) {
		this.name = name;
		this.model = new Model(POOL, SESSIONS.computeIfAbsent(file, OnnxSentenceEncoder::load), dimension);
	}

	private static final String MINI_LM = "all-MiniLM-L6-v2-q";

	private static final String BGE_SMALL = "bge-small-en-v1.5-q";

	/** The encoders Rootcase ships, by the name a model version records. */
	public static final List<String> NAMES = List.of(MINI_LM, BGE_SMALL);

	public static OnnxSentenceEncoder named(String name) {
		return switch (name) {
			case MINI_LM -> new OnnxSentenceEncoder(MINI_LM, "all-minilm-l6-v2-q", 384);
			case BGE_SMALL -> new OnnxSentenceEncoder(BGE_SMALL, "bge-small-en-v1.5-q", 384);
			default -> throw new IllegalArgumentException(
					"there is no sentence encoder named '" + name + "'; choose from " + String.join(", ", NAMES));
		};
	}

	public static OnnxSentenceEncoder allMiniLmL6V2() {
		return named(MINI_LM);
	}

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
			.map(OnnxSentenceEncoder::unit)
			.toList();
	}

	@Override
	public int dimension() {
		return this.model.dimension();
	}

	@Override
	public String name() {
		return this.name;
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

	private static OnnxBertBiEncoder load(String file) {
		ClassLoader loader = OnnxSentenceEncoder.class.getClassLoader();
		try (InputStream model = loader.getResourceAsStream(file + ".onnx");
				InputStream tokenizer = loader.getResourceAsStream(file + "-tokenizer.json");
				OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
			if (model == null || tokenizer == null) {
				throw new IllegalStateException("the sentence encoder " + file + " is not on the class path");
			}
			options.setIntraOpNumThreads(1);
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
			throw new IllegalStateException("cannot load the sentence encoder " + file, ex);
		}
	}

	private static final class Model extends AbstractInProcessEmbeddingModel {

		private final OnnxBertBiEncoder encoder;

		private final int dimension;

		Model(Executor executor, OnnxBertBiEncoder encoder, int dimension) {
			super(executor);
			this.encoder = encoder;
			this.dimension = dimension;
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return this.encoder;
		}

		@Override
		protected Integer knownDimension() {
			return this.dimension;
		}

	}

}

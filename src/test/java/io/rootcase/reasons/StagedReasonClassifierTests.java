package io.rootcase.reasons;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A model over several joined encoders reads a message with the meaning's encoder first
 * and asks for the others only when that first stage is unsure.
 */
class StagedReasonClassifierTests {

	private final JoinedSentenceEncoder encoder = new JoinedSentenceEncoder(
			List.of(new BagOfWordsEncoder(), new BagOfWordsEncoder()), Runnable::run);

	private final ReasonClassifierTests.Data data = ReasonClassifierTests.generated(40, 5);

	private final ReasonClassifier model = new ReasonTrainer(this.encoder, ReasonTrainer.Settings.standard(2))
		.train(this.data.train());

	@Test
	void aModelOverSeveralEncodersHasAFirstStageAndOneOverOneEncoderHasNot() {
		assertThat(this.model.hasFirstStage()).isTrue();
		assertThat(
				new ReasonTrainer(new BagOfWordsEncoder(), ReasonTrainer.Settings.standard(1)).train(this.data.train())
					.hasFirstStage())
			.isFalse();
	}

	@Test
	void mostMessagesAreAnsweredRightByTheFirstStageWithoutTheOtherEncoders() {
		int answeredFirst = 0;
		for (LabelledExample example : this.data.test()) {
			String text = example.text();
			AtomicInteger asked = new AtomicInteger();

			Prediction prediction = this.model.predict(text, this.encoder.meaning().encode(text), () -> {
				asked.incrementAndGet();
				return this.encoder.encode(text);
			});

			if (asked.get() == 0) {
				answeredFirst++;
				assertThat(prediction.reasonKey()).isEqualTo(example.reasonKey());
				assertThat(prediction.confidence()).isGreaterThanOrEqualTo(ReasonTrainer.FIRST_STAGE_CONFIDENCE);
				assertThat(prediction.doubt()).isNull();
			}
		}
		assertThat(answeredFirst).isGreaterThan(this.data.test().size() / 2);
	}

	@Test
	void messagesTheFirstStageDoubtsAreReadWhole() {
		List<String> outOfScope = List.of("what is the capital of france", "tell me a joke about cats",
				"how tall is mount everest", "recommend a good pasta recipe");
		AtomicInteger asked = new AtomicInteger();

		List<Prediction> predictions = outOfScope.stream()
			.map(text -> this.model.predict(text, this.encoder.meaning().encode(text), () -> {
				asked.incrementAndGet();
				return this.encoder.encode(text);
			}))
			.toList();

		assertThat(asked.get()).isGreaterThanOrEqualTo(3);
		assertThat(predictions).filteredOn(Prediction::unclassified).hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void theWholeVectorAloneGivesTheAnswerOfTheStages() {
		for (LabelledExample example : this.data.test()) {
			String text = example.text();
			JoinedSentenceEncoder.Encoding staged = this.encoder.read(text);

			Prediction whole = this.model.predict(text, this.encoder.encode(text));
			Prediction stages = this.model.predict(text, staged.meaning(), staged::whole);

			// The meaning taken back out of the joined vector differs in the last bits.
			assertThat(whole.reasonKey()).isEqualTo(stages.reasonKey());
			assertThat(whole.doubt()).isEqualTo(stages.doubt());
			assertThat(whole.confidence()).isCloseTo(stages.confidence(), within(1e-6));
		}
	}

	/**
	 * Format 1 came before stages, format 2 before several typical messages per reason:
	 * either is read as one stage that gives the same reasons, and still tells a message
	 * about something else.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 1, 2 })
	void readsAModelStoredInAnEarlierFormatAsOneStage(int format) throws IOException {
		ReasonClassifier single = new ReasonTrainer(new BagOfWordsEncoder(), ReasonTrainer.Settings.standard(1))
			.train(this.data.train());

		ReasonClassifier read = ReasonClassifier.readFrom(new ByteArrayInputStream(earlierFormat(single, format)));

		assertThat(read.hasFirstStage()).isFalse();
		assertSameReasons(read, single);
		String unrelated = "what is the capital of france";
		assertThat(read.predict(unrelated, new BagOfWordsEncoder().encode(unrelated)).doubt())
			.isEqualTo(Doubt.OUT_OF_SCOPE);
	}

	private void assertSameReasons(ReasonClassifier read, ReasonClassifier written) {
		BagOfWordsEncoder words = new BagOfWordsEncoder();
		for (LabelledExample example : this.data.test()) {
			float[] vector = words.encode(example.text());
			Prediction expected = written.predict(example.text(), vector);
			Prediction actual = read.predict(example.text(), vector);
			assertThat(actual.reasonKey()).isEqualTo(expected.reasonKey());
			assertThat(actual.confidence()).isEqualTo(expected.confidence());
		}
	}

	/**
	 * A one-stage model as an earlier format stored it: format 2 kept one typical message
	 * per reason, without their count, and format 1 had no closing "no first stage" flag
	 * either. The first typical messages stand in for the reasons' means.
	 */
	private static byte[] earlierFormat(ReasonClassifier model, int format) throws IOException {
		ByteArrayOutputStream current = new ByteArrayOutputStream();
		model.writeTo(current);
		DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(current.toByteArray())));
		ByteArrayOutputStream earlier = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(earlier))) {
			in.readInt();
			out.writeInt(format);
			int labels = in.readInt();
			out.writeInt(labels);
			for (int i = 0; i < labels; i++) {
				out.writeUTF(in.readUTF());
			}
			int terms = in.readInt();
			out.writeInt(terms);
			for (int i = 0; i < terms; i++) {
				out.writeUTF(in.readUTF());
				out.writeFloat(in.readFloat());
			}
			int dimension = in.readInt();
			out.writeInt(dimension);
			out.writeFloat(in.readFloat());
			for (int i = 0; i < 3; i++) {
				out.writeDouble(in.readDouble());
			}
			for (int i = 0; i < (dimension + terms + 1) * labels; i++) {
				out.writeFloat(in.readFloat());
			}
			int typical = in.readInt();
			for (int i = 0; i < typical * dimension; i++) {
				float value = in.readFloat();
				if (i < labels * dimension) {
					out.writeFloat(value);
				}
			}
			boolean firstStage = in.readBoolean();
			if (format == 2) {
				out.writeBoolean(firstStage);
			}
		}
		return earlier.toByteArray();
	}

	@Test
	void readsBackTheFirstStage() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		this.model.writeTo(bytes);

		ReasonClassifier read = ReasonClassifier.readFrom(new ByteArrayInputStream(bytes.toByteArray()));

		assertThat(read.hasFirstStage()).isTrue();
		for (LabelledExample example : this.data.test()) {
			float[] vector = this.encoder.encode(example.text());
			assertThat(read.predict(example.text(), vector)).isEqualTo(this.model.predict(example.text(), vector));
		}
	}

}

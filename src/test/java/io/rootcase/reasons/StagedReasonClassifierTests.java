package io.rootcase.reasons;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

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

	@Test
	void readsAModelStoredBeforeStagesExistedAsOneStage() throws IOException {
		ReasonClassifier single = new ReasonTrainer(new BagOfWordsEncoder(), ReasonTrainer.Settings.standard(1))
			.train(this.data.train());
		ByteArrayOutputStream current = new ByteArrayOutputStream();
		single.writeTo(current);
		// Format 1 was format 2 without the closing "no first stage" flag.
		byte[] body = new GZIPInputStream(new ByteArrayInputStream(current.toByteArray())).readAllBytes();
		ByteArrayOutputStream formatOne = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(formatOne))) {
			out.writeInt(1);
			out.write(body, 4, body.length - 5);
		}

		ReasonClassifier read = ReasonClassifier.readFrom(new ByteArrayInputStream(formatOne.toByteArray()));

		assertThat(read.hasFirstStage()).isFalse();
		BagOfWordsEncoder words = new BagOfWordsEncoder();
		for (LabelledExample example : this.data.test()) {
			float[] vector = words.encode(example.text());
			assertThat(read.predict(example.text(), vector)).isEqualTo(single.predict(example.text(), vector));
		}
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

package io.rootcase.reasons;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReasonClassifierTests {

	private static final List<String> BILLING = List.of("I was charged twice on my bill",
			"my invoice shows a double charge", "why is my bill so high this month",
			"refund the extra charge on my bill", "the bill has a fee I do not recognise",
			"I paid but the invoice says unpaid");

	private static final List<String> DELIVERY = List.of("my parcel has not arrived", "where is my delivery",
			"the tracking number shows nothing", "the courier left the package at the wrong house",
			"delivery is a week late", "the parcel tracking has not moved for days");

	private static final List<String> NETWORK = List.of("my internet drops every evening",
			"the router lights are red and there is no connection", "wifi keeps disconnecting",
			"the broadband is very slow at night", "no internet since this morning", "the connection cuts out often");

	private final SentenceEncoder encoder = new BagOfWordsEncoder();

	@Test
	void learnsReasonsFromGeneratedMessagesWellAboveChance() {
		Data data = generated(40, 1);
		ReasonClassifier model = new ReasonTrainer(this.encoder, ReasonTrainer.Settings.standard(1)).train(data.train);
		ReasonEvaluation evaluation = ReasonEvaluation.of(model,
				new ReasonTrainer(this.encoder, ReasonTrainer.Settings.standard(1)).encode(data.test));

		assertThat(model.labels()).containsExactly("billing", "delivery", "network");
		assertThat(evaluation.accuracy()).isGreaterThan(0.9);
		assertThat(evaluation.macroF1()).isGreaterThan(0.9);
	}

	@Test
	void leavesMessagesAboutNoKnownReasonUnclassified() {
		Data data = generated(40, 2);
		ReasonTrainer trainer = new ReasonTrainer(this.encoder, ReasonTrainer.Settings.standard(1));
		ReasonClassifier model = trainer.train(data.train);
		List<String> outOfScope = List.of("what is the capital of france", "tell me a joke about cats",
				"how tall is mount everest", "recommend a good pasta recipe");

		long rejected = outOfScope.stream().filter(t -> predict(model, t).doubt() == Doubt.OUT_OF_SCOPE).count();

		assertThat(rejected).isGreaterThanOrEqualTo(3);
		assertThat(ReasonEvaluation.of(model, trainer.encode(data.test)).unclassifiedShare()).isLessThan(0.2);
	}

	@Test
	void aModelLearnedFromFewExamplesLeavesFewOrdinaryMessagesToTriageWhicheverExampleIsInOrOut() {
		// Twelve examples a reason: a held-out tenth would be one a reason, three in all,
		// and the least typical of three would set each threshold.
		Data data = generated(16, 3);
		ReasonTrainer trainer = new ReasonTrainer(this.encoder, ReasonTrainer.Settings.standard(1));
		ReasonTrainer.Encoded test = trainer.encode(data.test);

		double all = ReasonEvaluation.of(trainer.train(data.train), test).unclassifiedShare();
		double oneLess = ReasonEvaluation.of(trainer.train(data.train.subList(1, data.train.size())), test)
			.unclassifiedShare();

		assertThat(all).isLessThan(0.25);
		assertThat(oneLess).isLessThan(0.25);
	}

	@Test
	void givesEmptyMessagesNoReason() {
		ReasonClassifier model = new ReasonTrainer(this.encoder, ReasonTrainer.Settings.standard(1))
			.train(generated(20, 3).train);

		Prediction prediction = model.predict(" ", new float[BagOfWordsEncoder.DIMENSION]);

		assertThat(prediction.unclassified()).isTrue();
		assertThat(prediction.doubt()).isEqualTo(Doubt.EMPTY);
		assertThat(prediction.reasonKey()).isNull();
	}

	@Test
	void readsBackTheModelItWroteWithTheSamePredictions() throws IOException {
		ReasonClassifier model = new ReasonTrainer(this.encoder, ReasonTrainer.Settings.standard(1))
			.train(generated(20, 4).train);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		model.writeTo(bytes);

		ReasonClassifier read = ReasonClassifier.readFrom(new ByteArrayInputStream(bytes.toByteArray()));

		String text = "the tracking of my parcel is wrong";
		assertThat(predict(read, text)).isEqualTo(predict(model, text));
		assertThat(read.minConfidence()).isEqualTo(model.minConfidence());
	}

	@Test
	void refusesToTrainOnASingleReason() {
		List<LabelledExample> one = BILLING.stream().map(t -> new LabelledExample(t, "billing")).toList();

		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReasonTrainer(this.encoder, ReasonTrainer.Settings.standard(1)).train(one))
			.withMessageContaining("at least two reasons");
	}

	private Prediction predict(ReasonClassifier model, String text) {
		return model.predict(text, this.encoder.encode(text));
	}

	record Data(List<LabelledExample> train, List<LabelledExample> test) {
	}

	/** Variations of the seed messages: shuffled politeness, typos and extra words. */
	static Data generated(int perReason, long seed) {
		Random random = new Random(seed);
		List<LabelledExample> train = new ArrayList<>();
		List<LabelledExample> test = new ArrayList<>();
		for (int i = 0; i < perReason; i++) {
			(i % 4 == 0 ? test : train).add(new LabelledExample(vary(BILLING, random), "billing"));
			(i % 4 == 0 ? test : train).add(new LabelledExample(vary(DELIVERY, random), "delivery"));
			(i % 4 == 0 ? test : train).add(new LabelledExample(vary(NETWORK, random), "network"));
		}
		return new Data(train, test);
	}

	private static String vary(List<String> seeds, Random random) {
		String[] openers = { "", "hello, ", "hi there ", "please help: ", "urgent! " };
		String[] closers = { "", " thanks", " can you help?", " this is annoying", " regards" };
		String text = seeds.get(random.nextInt(seeds.size()));
		if (random.nextBoolean()) {
			int at = random.nextInt(text.length());
			text = text.substring(0, at) + text.substring(Math.min(text.length(), at + 1));
		}
		return openers[random.nextInt(openers.length)] + text + closers[random.nextInt(closers.length)];
	}

}

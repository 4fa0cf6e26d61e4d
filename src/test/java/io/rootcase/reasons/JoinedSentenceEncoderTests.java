package io.rootcase.reasons;

import java.util.List;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class JoinedSentenceEncoderTests {

	private final BagOfWordsEncoder words = new BagOfWordsEncoder();

	private final SentenceEncoder letters = new SentenceEncoder() {

		@Override
		public float[] encode(String text) {
			float[] v = new float[8];
			text.chars().forEach(c -> v[c % 8] += 1);
			return unit(v);
		}

		@Override
		public List<float[]> encodeAll(List<String> texts) {
			return texts.stream().map(this::encode).toList();
		}

		@Override
		public int dimension() {
			return 8;
		}

		@Override
		public String name() {
			return "letters";
		}

	};

	private final JoinedSentenceEncoder joined = new JoinedSentenceEncoder(List.of(this.words, this.letters),
			Executors.newSingleThreadExecutor());

	@Test
	void aJoinedVectorIsEachEncodersVectorInTurnAtUnitLength() {
		float[] v = this.joined.encode("my bill is wrong");

		assertThat(v).hasSize(BagOfWordsEncoder.DIMENSION + 8).hasSize(this.joined.dimension());
		assertThat(norm(v)).isCloseTo(1, within(1e-5));
		float[] words = this.words.encode("my bill is wrong");
		float[] letters = this.letters.encode("my bill is wrong");
		for (int j = 0; j < words.length; j++) {
			assertThat(v[j] * Math.sqrt(2)).isCloseTo(words[j], within(1e-5));
		}
		for (int j = 0; j < letters.length; j++) {
			assertThat(v[words.length + j] * Math.sqrt(2)).isCloseTo(letters[j], within(1e-5));
		}
	}

	@Test
	void theMeaningIsTheFirstEncodersOwnVectorSoStoredMeaningsStayComparable() {
		float[] v = this.joined.encode("the parcel never came");

		assertThat(this.joined.meaning()).isSameAs(this.words);
		assertThat(this.joined.meaningOf(v)).containsExactly(this.words.encode("the parcel never came"), within(1e-5f));
	}

	@Test
	void manyTextsAreEncodedAsEachAloneAndTheNameSaysWhichEncodersAreJoined() {
		List<String> texts = List.of("refund please", "my card was declined", "where is my order");

		List<float[]> all = this.joined.encodeAll(texts);

		assertThat(all).hasSize(3);
		for (int i = 0; i < texts.size(); i++) {
			assertThat(all.get(i)).containsExactly(this.joined.encode(texts.get(i)), within(1e-6f));
		}
		assertThat(this.joined.name()).isEqualTo("bag-of-words-test+letters");
	}

	@Test
	void joiningNoEncoderTheSameTwiceOrOneRootcaseDoesNotShipIsRefusedWithTheNamesToChooseFrom() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JoinedSentenceEncoder(List.of(), Executors.newSingleThreadExecutor()));
		assertThatIllegalArgumentException().isThrownBy(() -> JoinedSentenceEncoder.of(List.of()))
			.withMessageContaining("all-MiniLM-L6-v2-q, bge-small-en-v1.5-q");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JoinedSentenceEncoder.of(List.of("bge-small-en-v1.5-q", "bge-small-en-v1.5-q")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JoinedSentenceEncoder.of(List.of("all-MiniLM-L6-v2-q", "gpt-4")))
			.withMessageContaining("no sentence encoder named 'gpt-4'")
			.withMessageContaining("all-MiniLM-L6-v2-q, bge-small-en-v1.5-q");
	}

	@Test
	void aListOfOneShippedEncoderIsThatEncoderAlone() {
		JoinedSentenceEncoder one = JoinedSentenceEncoder.of(List.of("all-MiniLM-L6-v2-q"));

		assertThat(one.size()).isEqualTo(1);
		assertThat(one.name()).isEqualTo("all-MiniLM-L6-v2-q");
		assertThat(one.encode("my card was declined")).hasSize(384)
			.containsExactly(one.meaning().encode("my card was declined"), within(1e-5f));
	}

	private static double norm(float[] v) {
		double sum = 0;
		for (float x : v) {
			sum += x * x;
		}
		return Math.sqrt(sum);
	}

	private static float[] unit(float[] v) {
		double length = norm(v);
		for (int i = 0; i < v.length; i++) {
			v[i] /= (float) length;
		}
		return v;
	}

}

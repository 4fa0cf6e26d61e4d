package io.rootcase.reasons;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatterReadingTests {

	/** An encoder whose model cannot run, as when its native library fails. */
	static final class BrokenEncoder implements SentenceEncoder {

		@Override
		public float[] encode(String text) {
			throw new IllegalStateException("the encoder's session is closed");
		}

		@Override
		public List<float[]> encodeAll(List<String> texts) {
			throw new IllegalStateException("the encoder's session is closed");
		}

		@Override
		public int dimension() {
			return 4;
		}

		@Override
		public String name() {
			return "broken";
		}

	}

	@Test
	void aContactThatCannotBeReadWhileThreadedHasNoReasonInsteadOfFailingTheIntake() {
		// Reading fails at the encoder, before any of the other collaborators is needed.
		ContactReasons reasons = new ContactReasons(null, null, null, null,
				new JoinedSentenceEncoder(List.of(new BrokenEncoder()), Runnable::run), null, null, null,
				Clock.systemUTC());

		assertThat(reasons.reasonOf("I was charged twice this month")).isEmpty();
	}

}

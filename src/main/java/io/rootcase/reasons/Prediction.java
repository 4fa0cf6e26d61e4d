package io.rootcase.reasons;

import java.util.List;

/**
 * What the classifier makes of one message.
 *
 * @param reasonKey the most likely reason, also when it is not trusted
 * @param confidence calibrated probability that {@code reasonKey} is right
 * @param doubt why the message goes to triage (too unsure, fits no known reason, nothing
 * to read), or {@code null} when the reason is trusted
 * @param alternatives the likeliest reasons, best first, for a person to choose from
 */
public record Prediction(String reasonKey, double confidence, Doubt doubt, List<Ranked> alternatives) {

	public Prediction {
		alternatives = List.copyOf(alternatives);
	}

	static Prediction none(Doubt doubt) {
		return new Prediction(null, 0, doubt, List.of());
	}

	/** Whether the message goes to triage. */
	public boolean unclassified() {
		return this.doubt != null;
	}

	/** One candidate reason with its probability. */
	public record Ranked(String reasonKey, double probability) {
	}

}

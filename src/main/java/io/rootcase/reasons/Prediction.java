package io.rootcase.reasons;

import java.util.List;

/**
 * What the classifier makes of one message.
 *
 * @param reasonKey the most likely reason, also when it is not trusted
 * @param confidence calibrated probability that {@code reasonKey} is right
 * @param unclassified whether the message goes to triage: too unsure, or fits no known
 * reason
 * @param alternatives the likeliest reasons, best first, for a person to choose from
 */
public record Prediction(String reasonKey, double confidence, boolean unclassified, List<Ranked> alternatives) {

	public Prediction {
		alternatives = List.copyOf(alternatives);
	}

	static Prediction none() {
		return new Prediction(null, 0, true, List.of());
	}

	/** One candidate reason with its probability. */
	public record Ranked(String reasonKey, double probability) {
	}

}

package io.rootcase.reasons;

/**
 * A message with the reason a person gave it: what the classifier learns from.
 */
public record LabelledExample(String text, String reasonKey) {

	public LabelledExample {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("a labelled example needs a text");
		}
		if (reasonKey == null || reasonKey.isBlank()) {
			throw new IllegalArgumentException("a labelled example needs a reason");
		}
	}

}

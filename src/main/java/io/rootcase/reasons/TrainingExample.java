package io.rootcase.reasons;

import java.time.Instant;
import java.util.UUID;

/**
 * A labelled message in the training data.
 *
 * @param contactId the contact it was labelled on; {@code null} when imported
 */
public record TrainingExample(UUID id, String text, String reasonKey, ExampleSource source, UUID contactId,
		String labelledBy, Instant labelledAt) {
}

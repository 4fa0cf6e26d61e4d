package io.rootcase.reasons;

import java.time.Instant;
import java.util.UUID;

/**
 * The reason of one inbound contact: what the classifier predicted and what it is now.
 *
 * @param text the message's opening, as the classifier read it
 * @param predictedKey the classifier's likeliest reason, also when it did not trust it
 * @param confidence the calibrated probability of {@code predictedKey}
 * @param modelVersion the model that predicted; {@code null} when there was none
 * @param reasonKey the reason as labelled at the time, kept through later merges
 * @param doubt why the classifier left it to triage; {@code null} when it gave a reason
 * (and for contacts a model found unclear before this was recorded)
 */
public record ContactLabel(UUID contactId, UUID caseId, LabelState state, String text, String predictedKey,
		Double confidence, Integer modelVersion, String reasonKey, Instant predictedAt, String labelledBy,
		Instant labelledAt, Doubt doubt) {
}

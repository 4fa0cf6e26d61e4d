package io.rootcase.reasons;

import java.time.Instant;

/**
 * One trained version of the contact-reason model with its evaluation.
 *
 * @param examples labelled messages it learned from
 * @param evaluatedOn held-out labelled messages it was evaluated on
 * @param accuracy share of held-out messages whose likeliest reason was right
 * @param minConfidence calibrated confidence below which it leaves a message to triage
 * @param liveAccuracy the model live at the time, on the same held-out messages
 */
public record ModelVersion(int version, ModelStatus status, Instant startedAt, Instant finishedAt, String requestedBy,
		String encoder, Integer examples, Integer evaluatedOn, Integer reasons, Double accuracy, Double macroF1,
		Double minConfidence, Double liveAccuracy, String note) {
}

package io.rootcase.reasons;

/**
 * A contact-reason model version became the one predictions are made with, after training
 * or when a manager made it live again.
 */
public record ReasonModelWentLive(int version) {
}

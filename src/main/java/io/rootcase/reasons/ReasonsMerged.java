package io.rootcase.reasons;

import java.time.Instant;

/**
 * A manager merged one contact reason into another: whatever was counted under
 * {@code merged} now counts under {@code survivor}. Contacts and cases keep the label
 * they were given.
 */
public record ReasonsMerged(String merged, String survivor, Instant occurredAt) {
}

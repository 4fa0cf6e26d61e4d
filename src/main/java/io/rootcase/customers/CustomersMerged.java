package io.rootcase.customers;

import java.time.Instant;
import java.util.UUID;

/**
 * Two customer records turned out to be one person; everything of {@code merged} now
 * belongs to {@code survivor}.
 */
public record CustomersMerged(UUID survivor, UUID merged, String actor, Instant occurredAt) {
}

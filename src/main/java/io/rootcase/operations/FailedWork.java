package io.rootcase.operations;

import java.time.Instant;
import java.util.UUID;

/**
 * A piece of background work whose listener failed.
 *
 * @param event the event's type, without its package
 * @param listener the listener's class and method
 * @param attempts how often it was run
 * @param givenUp whether the retries stopped ({@link BackgroundWork#MAX_ATTEMPTS})
 */
public record FailedWork(UUID id, String event, String listener, Instant publishedAt, int attempts,
		Instant lastAttemptAt, boolean givenUp) {
}

package io.rootcase.trends;

import java.time.Instant;
import java.util.UUID;

/** A series started surging: a new alert for managers. */
public record SurgeDetected(UUID alertId, String seriesKey, String label, Instant since, long observed,
		double expected) {
}

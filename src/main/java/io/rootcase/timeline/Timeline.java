package io.rootcase.timeline;

import java.util.List;
import java.util.UUID;

/**
 * A customer's whole history with us across channels, oldest first.
 */
public record Timeline(UUID customerId, String customerLabel, List<TimelineEntry> entries) {
}

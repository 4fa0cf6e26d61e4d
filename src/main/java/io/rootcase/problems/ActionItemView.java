package io.rootcase.problems;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An action item as teams see it.
 *
 * @param overdue open and past its due date
 */
public record ActionItemView(UUID id, UUID problemId, String problemReference, String title, String ownerTeam,
		String owner, LocalDate due, ActionItemStatus status, boolean overdue, Instant createdAt, String createdBy,
		Instant doneAt) {
}

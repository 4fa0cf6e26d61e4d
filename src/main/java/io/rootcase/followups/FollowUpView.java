package io.rootcase.followups;

import java.time.Instant;
import java.util.UUID;

/**
 * A follow-up as agents and the API see it.
 *
 * @param owner the agent's username or the team's code
 * @param overdue not done and past its due date
 */
public record FollowUpView(UUID id, UUID caseId, String caseReference, String caseSubject, FollowUpKind kind,
		Instant dueAt, String owner, String note, Instant createdAt, String createdBy, Instant completedAt,
		String completedBy, String outcome, boolean overdue) {
}

package io.rootcase.followups;

import java.time.Instant;
import java.util.UUID;

import io.rootcase.shared.ConflictException;
import io.rootcase.shared.Dates;
import io.rootcase.shared.Ids;
import io.rootcase.shared.InvalidRequestException;

/**
 * Something to check on a case by a date, owned by an agent or a team, done once.
 */
final class FollowUp {

	static final int MAX_NOTE = 2000;

	private final UUID id;

	private final UUID caseId;

	private final FollowUpKind kind;

	private final Instant dueAt;

	private final String owner;

	private final String note;

	private final Instant createdAt;

	private final String createdBy;

	private Instant completedAt;

	private String completedBy;

	private String outcome;

	FollowUp(UUID id, UUID caseId, FollowUpKind kind, Instant dueAt, String owner, String note, Instant createdAt,
			String createdBy, Instant completedAt, String completedBy, String outcome) {
		this.id = id;
		this.caseId = caseId;
		this.kind = kind;
		this.dueAt = dueAt;
		this.owner = owner;
		this.note = note;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.completedAt = completedAt;
		this.completedBy = completedBy;
		this.outcome = outcome;
	}

	static FollowUp schedule(UUID caseId, FollowUpKind kind, Instant dueAt, String owner, String note, String by,
			Instant at) {
		if (dueAt == null) {
			throw InvalidRequestException.of("dueAt", "a follow-up needs a due date");
		}
		Dates.requirePlanned("dueAt", dueAt, at, "a follow-up's due date");
		if (owner == null || owner.isBlank()) {
			throw InvalidRequestException.of("owner", "a follow-up needs an owner: an agent or a team");
		}
		String text = note == null ? "" : note.strip();
		if (text.isEmpty() || text.length() > MAX_NOTE) {
			throw InvalidRequestException.of("note",
					"a follow-up says what to check, in at most " + MAX_NOTE + " characters");
		}
		return new FollowUp(Ids.next(), caseId, kind, dueAt, owner.strip(), text, at, by, null, null, null);
	}

	/** Marks it done with what was found. */
	void complete(String outcome, String by, Instant at) {
		if (this.completedAt != null) {
			throw new ConflictException("this follow-up was completed already, by " + this.completedBy);
		}
		String text = outcome == null ? "" : outcome.strip();
		if (text.isEmpty() || text.length() > MAX_NOTE) {
			throw InvalidRequestException.of("outcome",
					"say what the follow-up found, in at most " + MAX_NOTE + " characters");
		}
		this.completedAt = at;
		this.completedBy = by;
		this.outcome = text;
	}

	boolean isOverdue(Instant now) {
		return this.completedAt == null && this.dueAt.isBefore(now);
	}

	UUID id() {
		return this.id;
	}

	UUID caseId() {
		return this.caseId;
	}

	FollowUpKind kind() {
		return this.kind;
	}

	Instant dueAt() {
		return this.dueAt;
	}

	String owner() {
		return this.owner;
	}

	String note() {
		return this.note;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	String createdBy() {
		return this.createdBy;
	}

	Instant completedAt() {
		return this.completedAt;
	}

	String completedBy() {
		return this.completedBy;
	}

	String outcome() {
		return this.outcome;
	}

}

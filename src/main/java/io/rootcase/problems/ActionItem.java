package io.rootcase.problems;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import io.rootcase.shared.ConflictException;
import io.rootcase.shared.Dates;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.shared.Texts;

/**
 * Something a team will do so the cause does not come back: owned by a team and a person,
 * due by a date, done or cancelled once.
 */
final class ActionItem {

	private final UUID id;

	private final UUID problemId;

	private final String title;

	private final String ownerTeam;

	private final String owner;

	private final LocalDate due;

	private ActionItemStatus status;

	private final Instant createdAt;

	private final String createdBy;

	private Instant doneAt;

	ActionItem(UUID id, UUID problemId, String title, String ownerTeam, String owner, LocalDate due,
			ActionItemStatus status, Instant createdAt, String createdBy, Instant doneAt) {
		this.id = id;
		this.problemId = problemId;
		this.title = title;
		this.ownerTeam = ownerTeam;
		this.owner = owner;
		this.due = due;
		this.status = status;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.doneAt = doneAt;
	}

	static ActionItem plan(UUID id, UUID problemId, String title, String ownerTeam, String owner, LocalDate due,
			String actor, Instant at) {
		if (title == null || title.isBlank() || title.length() > 500) {
			throw InvalidRequestException.of("title", "an action item needs a title of at most 500 characters");
		}
		if (ownerTeam == null || ownerTeam.isBlank()) {
			throw InvalidRequestException.of("ownerTeam", "an action item needs the team that owns it");
		}
		if (owner == null || owner.isBlank()) {
			throw InvalidRequestException.of("owner", "an action item needs an owner");
		}
		InvalidRequestException.requireAtMost("owner", owner.strip(), Problem.MAX_OWNER, "an owner's name");
		if (due == null) {
			throw InvalidRequestException.of("due", "an action item needs a due date");
		}
		Dates.requirePlanned("due", due, LocalDate.ofInstant(at, ZoneOffset.UTC), "an action item's due date");
		return new ActionItem(id, problemId, title.strip(), ownerTeam, owner.strip(), due, ActionItemStatus.OPEN, at,
				actor, null);
	}

	void close(ActionItemStatus outcome, Instant at) {
		if (outcome == null || outcome == ActionItemStatus.OPEN) {
			throw InvalidRequestException.of("status", "an action item is closed as done or cancelled");
		}
		if (this.status != ActionItemStatus.OPEN) {
			throw new ConflictException("the action item is already " + Texts.words(this.status));
		}
		this.status = outcome;
		this.doneAt = at;
	}

	boolean overdue(LocalDate today) {
		return this.status == ActionItemStatus.OPEN && this.due.isBefore(today);
	}

	ActionItemView view(String problemReference, LocalDate today) {
		return new ActionItemView(this.id, this.problemId, problemReference, this.title, this.ownerTeam, this.owner,
				this.due, this.status, overdue(today), this.createdAt, this.createdBy, this.doneAt);
	}

	UUID id() {
		return this.id;
	}

	UUID problemId() {
		return this.problemId;
	}

	String ownerTeam() {
		return this.ownerTeam;
	}

	String title() {
		return this.title;
	}

	String owner() {
		return this.owner;
	}

	LocalDate due() {
		return this.due;
	}

	ActionItemStatus status() {
		return this.status;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	String createdBy() {
		return this.createdBy;
	}

	Instant doneAt() {
		return this.doneAt;
	}

}

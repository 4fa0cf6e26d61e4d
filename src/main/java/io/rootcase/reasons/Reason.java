package io.rootcase.reasons;

import java.time.Instant;
import java.util.regex.Pattern;

import io.rootcase.shared.ConflictException;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.shared.Texts;

/**
 * One reason of the taxonomy, guarding how it may change: renamed and moved while active,
 * retired or merged into another active reason, never deleted, so what contacts were
 * labelled with stays meaningful.
 */
final class Reason {

	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,79}");

	private final String key;

	private String name;

	private String description;

	private String team;

	private String parentKey;

	private ReasonStatus status;

	private String mergedInto;

	private final Instant createdAt;

	private Instant updatedAt;

	Reason(String key, String name, String description, String team, String parentKey, ReasonStatus status,
			String mergedInto, Instant createdAt, Instant updatedAt) {
		this.key = key;
		this.name = name;
		this.description = description;
		this.team = team;
		this.parentKey = parentKey;
		this.status = status;
		this.mergedInto = mergedInto;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
	}

	static Reason define(String key, String name, String description, String team, String parentKey, Instant at) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw InvalidRequestException.of("key",
					"a key is 1 to 80 lower-case letters, digits, '_', '.' or '-', starting with a letter or digit");
		}
		Reason reason = new Reason(key, null, null, null, null, ReasonStatus.ACTIVE, null, at, at);
		reason.describe(name, description, team, parentKey, at);
		return reason;
	}

	/** Renames, re-describes or moves the reason; its key and history stay. */
	void describe(String name, String description, String team, String parentKey, Instant at) {
		if (this.status == ReasonStatus.MERGED) {
			throw new ConflictException(
					"reason '" + this.key + "' was merged into '" + this.mergedInto + "'; change that one instead");
		}
		if (name == null || name.isBlank() || name.length() > 200) {
			throw InvalidRequestException.of("name", "a reason needs a name of at most 200 characters");
		}
		if (description != null && description.length() > 2000) {
			throw InvalidRequestException.of("description", "a description has at most 2000 characters");
		}
		if (this.key.equals(parentKey)) {
			throw InvalidRequestException.of("parentKey", "a reason cannot be its own parent");
		}
		this.name = name.strip();
		this.description = description == null || description.isBlank() ? null : description.strip();
		this.team = team == null || team.isBlank() ? null : team;
		this.parentKey = parentKey == null || parentKey.isBlank() ? null : parentKey;
		this.updatedAt = at;
	}

	void retire(Instant at) {
		if (this.status != ReasonStatus.ACTIVE) {
			throw new ConflictException("reason '" + this.key + "' is already " + Texts.words(this.status));
		}
		this.status = ReasonStatus.RETIRED;
		this.updatedAt = at;
	}

	/** Brings a retired reason back into use. */
	void reinstate(Instant at) {
		if (this.status != ReasonStatus.RETIRED) {
			throw new ConflictException(
					"only a retired reason can be reinstated; '" + this.key + "' is " + Texts.words(this.status));
		}
		this.status = ReasonStatus.ACTIVE;
		this.updatedAt = at;
	}

	void mergeInto(Reason survivor, Instant at) {
		if (survivor.key.equals(this.key)) {
			throw InvalidRequestException.of("into", "a reason cannot be merged into itself");
		}
		if (this.status == ReasonStatus.MERGED) {
			throw new ConflictException("reason '" + this.key + "' was already merged into '" + this.mergedInto + "'");
		}
		if (survivor.status != ReasonStatus.ACTIVE) {
			throw new ConflictException("reason '" + survivor.key + "' is " + Texts.words(survivor.status)
					+ "; merge into an active reason");
		}
		this.status = ReasonStatus.MERGED;
		this.mergedInto = survivor.key;
		this.updatedAt = at;
	}

	boolean isActive() {
		return this.status == ReasonStatus.ACTIVE;
	}

	String key() {
		return this.key;
	}

	String parentKey() {
		return this.parentKey;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	ReasonView view() {
		return new ReasonView(this.key, this.name, this.description, this.team, this.parentKey, this.status,
				this.mergedInto);
	}

}

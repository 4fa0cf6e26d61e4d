package io.rootcase.staff;

import io.rootcase.shared.ConflictException;

/**
 * A person who signs in to the console. One who leaves is deactivated, never deleted: the
 * cases, actions and decisions they recorded keep their name.
 */
public record Agent(String username, String displayName, Role role, String team, boolean active) {

	/** The same person under another name, role or team. */
	Agent describedAs(String newDisplayName, Role newRole, String newTeam) {
		return new Agent(this.username, newDisplayName, newRole, newTeam, this.active);
	}

	/** No longer able to sign in. */
	Agent deactivated() {
		if (!this.active) {
			throw new ConflictException(this.username + " is deactivated already");
		}
		return new Agent(this.username, this.displayName, this.role, this.team, false);
	}

	/** Able to sign in again, as before. */
	Agent reactivated() {
		if (this.active) {
			throw new ConflictException(this.username + " is active already");
		}
		return new Agent(this.username, this.displayName, this.role, this.team, true);
	}

	boolean isActiveAdmin() {
		return this.active && this.role == Role.ADMIN;
	}

}

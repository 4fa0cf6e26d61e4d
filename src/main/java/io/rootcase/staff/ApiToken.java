package io.rootcase.staff;

import java.time.Instant;
import java.util.UUID;

/**
 * A credential an integration (mail gateway, telephony, web form) uses to call the API.
 * Only its hash is stored.
 */
public record ApiToken(UUID id, String name, Role role, String createdBy, Instant createdAt, Instant revokedAt) {

	public boolean active() {
		return this.revokedAt == null;
	}

}

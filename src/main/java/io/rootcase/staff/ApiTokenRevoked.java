package io.rootcase.staff;

import java.util.UUID;

/**
 * A token was revoked and must stop working.
 */
public record ApiTokenRevoked(UUID tokenId) {
}

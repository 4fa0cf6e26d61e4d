package io.rootcase.shared;

import java.util.UUID;

import com.github.f4b6a3.uuid.UuidCreator;

/**
 * Identifiers for every aggregate. Time-ordered (UUIDv7) so that rows written together
 * sit together in the primary-key index, and so several nodes can mint ids without a
 * database round trip.
 */
public final class Ids {

	private Ids() {
	}

	public static UUID next() {
		return UuidCreator.getTimeOrderedEpoch();
	}

}

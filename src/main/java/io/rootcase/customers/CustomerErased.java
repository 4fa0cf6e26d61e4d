package io.rootcase.customers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer's personal data was erased on their request. Published inside the erasing
 * transaction: every module that keeps words or addresses of theirs replaces or deletes
 * them in it (a synchronous listener), so the erasure is all done or not done at all.
 *
 * @param customerIds the customer and every record merged into it, whose cases and
 * contacts are now theirs
 */
public record CustomerErased(UUID customerId, List<UUID> customerIds, Instant erasedAt) {

	/** What an erased text reads as, wherever one was kept. */
	public static final String TEXT = "[erased]";

	public CustomerErased {
		customerIds = List.copyOf(customerIds);
	}

}

package io.rootcase.customers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What other modules and the API may know of a customer.
 *
 * @param mergedInto the customer this record was merged into, or {@code null}
 * @param erasedAt when the customer's personal data was erased on their request, or
 * {@code null}
 */
public record CustomerView(UUID id, String displayName, List<Identity> identities, Map<String, String> attributes,
		Instant createdAt, UUID mergedInto, Instant erasedAt) {

	/** A name for people to read: the customer's name, else their first identity. */
	public String label() {
		if (this.erasedAt != null) {
			return "Erased customer";
		}
		if (this.displayName != null) {
			return this.displayName;
		}
		return this.identities.isEmpty() ? this.id.toString() : this.identities.get(0).value();
	}

}

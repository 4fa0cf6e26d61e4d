package io.rootcase.customers;

import io.rootcase.shared.Limits;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Customers")
class CustomerApi {

	private final CustomerDirectory customers;

	CustomerApi(CustomerDirectory customers) {
		this.customers = customers;
	}

	record MergeRequest(UUID mergeCustomerId) {
	}

	@GetMapping("/api/customers")
	List<CustomerView> search(@RequestParam("q") String query, @RequestParam(defaultValue = "20") int limit) {
		return this.customers.search(query, Limits.within(limit, 100));
	}

	@GetMapping("/api/customers/{id}")
	CustomerView customer(@PathVariable UUID id) {
		return this.customers.find(id).orElseThrow(() -> new CustomerNotFoundException(id));
	}

	/** Merges another customer record into this one; its timeline joins this one's. */
	@PostMapping("/api/customers/{id}/merge")
	CustomerView merge(@PathVariable UUID id, @RequestBody MergeRequest request, Principal principal) {
		if (request.mergeCustomerId() == null) {
			throw new IllegalArgumentException("mergeCustomerId is required");
		}
		return this.customers.merge(id, request.mergeCustomerId(), principal.getName());
	}

	record ErasureRequest(@Schema(description = "Why, e.g. the request's reference; at most 200 characters",
			requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
	}

	/**
	 * Erases the customer's personal data on their request (admins; the path is under
	 * {@code /api/admin}). See docs/erasure.md for what is erased and what is kept.
	 */
	@Operation(summary = "Erase a customer's personal data on their request (admins)",
			description = "Name, identities and segment, and every message, address and status link of theirs, in one "
					+ "transaction. 404 for an unknown customer; 409 for a record merged into another (erase that one) "
					+ "or one erased before; 400 without a reason.")
	@PostMapping("/api/admin/customers/{id}/erasure")
	CustomerView erase(@PathVariable UUID id, @RequestBody ErasureRequest request, Principal principal) {
		return this.customers.erase(id, request.reason(), principal.getName());
	}

}

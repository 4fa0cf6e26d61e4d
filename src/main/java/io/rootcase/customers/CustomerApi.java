package io.rootcase.customers;

import io.rootcase.shared.Limits;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
@Tag(name = "Customers")
class CustomerApi {

	private final CustomerDirectory customers;

	CustomerApi(CustomerDirectory customers) {
		this.customers = customers;
	}

	record MergeRequest(UUID mergeCustomerId) {
	}

	@GetMapping
	List<CustomerView> search(@RequestParam("q") String query, @RequestParam(defaultValue = "20") int limit) {
		return this.customers.search(query, Limits.within(limit, 100));
	}

	@GetMapping("/{id}")
	CustomerView customer(@PathVariable UUID id) {
		return this.customers.find(id).orElseThrow(() -> new CustomerNotFoundException(id));
	}

	/** Merges another customer record into this one; its timeline joins this one's. */
	@PostMapping("/{id}/merge")
	CustomerView merge(@PathVariable UUID id, @RequestBody MergeRequest request, Principal principal) {
		if (request.mergeCustomerId() == null) {
			throw new IllegalArgumentException("mergeCustomerId is required");
		}
		return this.customers.merge(id, request.mergeCustomerId(), principal.getName());
	}

}

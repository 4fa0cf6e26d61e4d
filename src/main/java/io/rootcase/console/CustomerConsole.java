package io.rootcase.console;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import io.rootcase.cases.Cases;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.customers.CustomerNotFoundException;
import io.rootcase.customers.CustomerView;
import io.rootcase.shared.Texts;
import io.rootcase.timeline.CustomerTimeline;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class CustomerConsole {

	static final int RESULTS = 50;

	private static final int MERGE_CANDIDATES = 10;

	private final CustomerDirectory customers;

	private final CustomerTimeline timelines;

	private final Cases cases;

	CustomerConsole(CustomerDirectory customers, CustomerTimeline timelines, Cases cases) {
		this.customers = customers;
		this.timelines = timelines;
		this.cases = cases;
	}

	@GetMapping("/customers")
	String search(@RequestParam(name = "q", required = false) String q,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("customers", this.customers.search(q, RESULTS));
		return ConsoleResponses.isHtmx(hx) ? "customers/search :: results" : "customers/search";
	}

	/**
	 * The customer's page; with {@code find}, the records it could be merged with that
	 * match the words (only those, to htmx).
	 */
	@GetMapping("/customers/{id}")
	String customer(@PathVariable UUID id, @RequestParam(required = false) String find,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model) {
		CustomerView customer = this.customers.find(id).orElseThrow(() -> new CustomerNotFoundException(id));
		if (customer.mergedInto() != null) {
			return "redirect:/customers/" + customer.mergedInto();
		}
		model.addAttribute("customer", customer);
		model.addAttribute("find", find);
		model.addAttribute("candidates", mergeCandidates(customer, find));
		if (ConsoleResponses.isHtmx(hx) && find != null) {
			return "customers/detail :: candidates";
		}
		model.addAttribute("timeline", this.timelines.of(id));
		model.addAttribute("cases", this.cases.ofCustomer(id));
		return "customers/detail";
	}

	/**
	 * Other records that may be this same person: those matching what the agent looked
	 * for, or else those under the same name, which is how a duplicate usually shows (the
	 * customer wrote from another address, or called from another number).
	 */
	private List<CustomerView> mergeCandidates(CustomerView customer, String find) {
		if (customer.erasedAt() != null) {
			return List.of();
		}
		boolean looking = find != null && !find.isBlank();
		if (!looking && customer.displayName() == null) {
			return List.of();
		}
		return this.customers.search(looking ? find : customer.displayName(), MERGE_CANDIDATES + 1)
			.stream()
			.filter(other -> !other.id().equals(customer.id()) && other.erasedAt() == null)
			.filter(other -> looking || customer.displayName().equalsIgnoreCase(other.displayName()))
			.limit(MERGE_CANDIDATES)
			.toList();
	}

	@PostMapping("/customers/{id}/merge")
	String merge(@PathVariable UUID id, @RequestParam String other, Principal principal, RedirectAttributes redirect) {
		String error = ConsoleResponses.attempt(() -> this.customers.merge(id, parse(other), principal.getName()));
		ConsoleResponses.flash(redirect, error,
				"Merged. Cases and contacts of the other record move here within moments.");
		return "redirect:/customers/" + id;
	}

	/**
	 * Erases the customer's personal data on their request (admins: the path is under
	 * {@code /admin}). The box ticked says the admin knows it cannot be undone.
	 */
	@PostMapping("/admin/customers/{id}/erase")
	String erase(@PathVariable UUID id, @RequestParam(required = false) String reason,
			@RequestParam(defaultValue = "false") boolean understood, Principal principal,
			RedirectAttributes redirect) {
		String error = understood
				? ConsoleResponses.attempt(() -> this.customers.erase(id, reason, principal.getName()))
				: "Tick the box to confirm: an erasure cannot be undone.";
		ConsoleResponses.flash(redirect, error, "Personal data erased.");
		return "redirect:/customers/" + id;
	}

	private static UUID parse(String raw) {
		try {
			return UUID.fromString(raw == null ? "" : raw.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(Texts.quoted(raw) + " is not a customer id");
		}
	}

}

package io.rootcase.console;

import java.security.Principal;

import io.rootcase.resolution.Resolutions;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The resolution part of the case page: propose a resolution for the customer to confirm,
 * or (managers) resolve on their behalf with a reason.
 */
@Controller
class ResolutionConsole {

	private final Resolutions resolutions;

	private final CasePage page;

	ResolutionConsole(Resolutions resolutions, CasePage page) {
		this.resolutions = resolutions;
		this.page = page;
	}

	record ProposalForm(String note) {
	}

	record OnBehalfForm(String reason) {
	}

	@PostMapping("/cases/{reference}/resolution")
	String propose(@PathVariable String reference, ProposalForm form, Principal principal,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model, RedirectAttributes redirect) {
		String error = ConsoleResponses
			.attempt(() -> this.resolutions.propose(reference, form.note(), principal.getName()));
		return this.page.respond(reference, error, "Resolution proposed; the customer has been asked to confirm it.",
				hx, model, redirect);
	}

	@PostMapping("/cases/{reference}/resolution/on-behalf")
	String resolveOnBehalf(@PathVariable String reference, OnBehalfForm form, Principal principal,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model, RedirectAttributes redirect) {
		String error = ConsoleResponses
			.attempt(() -> this.resolutions.resolveOnBehalf(reference, form.reason(), principal.getName()));
		return this.page.respond(reference, error, "Resolved on the customer's behalf; the reason is recorded.", hx,
				model, redirect);
	}

}

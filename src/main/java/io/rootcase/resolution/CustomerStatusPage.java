package io.rootcase.resolution;

import io.rootcase.cases.CaseRuleViolation;
import io.rootcase.shared.InvalidRequestException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The customer's status link: no login, the unguessable token is the key. Shows where the
 * case stands and, while a resolution awaits them, lets the customer confirm or reject
 * it.
 */
@Controller
class CustomerStatusPage {

	private final Resolutions resolutions;

	CustomerStatusPage(Resolutions resolutions) {
		this.resolutions = resolutions;
	}

	@GetMapping("/status/{reference}/{token}")
	String show(@PathVariable String reference, @PathVariable String token, Model model) {
		model.addAttribute("status", this.resolutions.status(reference, token));
		model.addAttribute("token", token);
		return "status/page";
	}

	@PostMapping("/status/{reference}/{token}/confirm")
	String confirm(@PathVariable String reference, @PathVariable String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("status", this.resolutions.confirm(reference, token));
		model.addAttribute("message", "Thank you for confirming. We are glad it is solved.");
		return "status/page";
	}

	@PostMapping("/status/{reference}/{token}/reject")
	String reject(@PathVariable String reference, @PathVariable String token,
			@RequestParam(required = false) String reason, Model model) {
		model.addAttribute("token", token);
		try {
			model.addAttribute("status", this.resolutions.reject(reference, token, reason));
			model.addAttribute("message", "Thank you. We have reopened your case and will be in touch.");
		}
		catch (InvalidRequestException ex) {
			model.addAttribute("status", this.resolutions.status(reference, token));
			model.addAttribute("error", ex.getMessage());
		}
		return "status/page";
	}

	@ExceptionHandler(StatusLinkException.class)
	ModelAndView badLink(StatusLinkException ex) {
		ModelAndView page = new ModelAndView("status/invalid");
		page.addObject("message", ex.getMessage());
		page.setStatus(ex.expired() ? HttpStatus.GONE : HttpStatus.NOT_FOUND);
		return page;
	}

	/** The case moved on meanwhile (answered already, reopened by a new message). */
	@ExceptionHandler(CaseRuleViolation.class)
	ModelAndView notAwaiting(CaseRuleViolation ex) {
		ModelAndView page = new ModelAndView("status/invalid");
		page.addObject("message", "Your case is no longer waiting for this answer: " + ex.getMessage()
				+ ". Open the link again to see where it stands.");
		page.setStatus(HttpStatus.CONFLICT);
		return page;
	}

}

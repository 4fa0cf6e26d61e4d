package io.rootcase.notices;

import io.rootcase.shared.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public page customers follow a problem on, linked from every notice: no login, the
 * unguessable token is the key.
 */
@Controller
class KnownIssuePage {

	private final Notices notices;

	KnownIssuePage(Notices notices) {
		this.notices = notices;
	}

	@GetMapping("/known-issues/{token}")
	String show(@PathVariable String token, Model model) {
		model.addAttribute("issue", this.notices.knownIssue(token));
		return "known-issues/page";
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView unknown() {
		ModelAndView page = new ModelAndView("known-issues/unknown");
		page.setStatus(HttpStatus.NOT_FOUND);
		return page;
	}

}

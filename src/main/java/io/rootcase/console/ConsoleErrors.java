package io.rootcase.console;

import io.rootcase.shared.NotFoundException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Pages for addresses that point at nothing (an unknown case, a mistyped reference), so
 * people get a page that says so instead of a server error.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
class ConsoleErrors {

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(Model model) {
		model.addAttribute("status", 404);
		return "error";
	}

	/**
	 * Also what no form of the console sends (an unknown action kind, a malformed date, a
	 * missing field), so a crafted request gets the console's page, not a framework's.
	 */
	@ExceptionHandler({ IllegalArgumentException.class, TypeMismatchException.class, BindException.class,
			MissingServletRequestParameterException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badRequest(Model model) {
		model.addAttribute("status", 400);
		return "error";
	}

}

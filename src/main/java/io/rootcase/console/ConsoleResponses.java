package io.rootcase.console;

import java.util.function.Supplier;

import io.rootcase.problems.ProblemView;
import io.rootcase.shared.ConflictException;
import io.rootcase.shared.ForbiddenException;
import io.rootcase.shared.NotFoundException;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs a console command and turns refusals into a message for the person at the screen
 * instead of an error page.
 */
final class ConsoleResponses {

	private ConsoleResponses() {
	}

	/**
	 * @return {@code null} when the command succeeded, else what to tell the user
	 */
	static String attempt(Runnable command) {
		return outcome(() -> {
			command.run();
			return null;
		}).error();
	}

	/**
	 * What a command answered, or what to tell the user instead.
	 *
	 * @param value the answer; {@code null} when refused
	 * @param error {@code null} when the command succeeded
	 */
	record Outcome<T>(T value, String error) {

		boolean refused() {
			return this.error != null;
		}

	}

	/** Runs a command that answers something, as {@link #attempt} does. */
	static <T> Outcome<T> outcome(Supplier<T> command) {
		try {
			return new Outcome<>(command.get(), null);
		}
		catch (IllegalArgumentException | ConflictException | NotFoundException | ForbiddenException ex) {
			return new Outcome<>(null, ex.getMessage());
		}
		catch (ConcurrencyFailureException ex) {
			return new Outcome<>(null,
					"Someone else changed this meanwhile; the page now shows the latest state. Please try again.");
		}
	}

	/** Tells the person, on the page they are sent to, the refusal or what was done. */
	static void flash(RedirectAttributes redirect, String error, String done) {
		redirect.addFlashAttribute(error == null ? "message" : "error", error == null ? done : error);
	}

	/**
	 * Tells the person, on the fragment answered to htmx, the refusal or what was done.
	 */
	static void show(Model model, String error, String done) {
		model.addAttribute(error == null ? "message" : "error", error == null ? done : error);
	}

	/**
	 * After opening or linking a problem for a group of cases: on success to the
	 * problem's page, else back with the refusal.
	 */
	static String toProblem(RedirectAttributes redirect, Outcome<ProblemView> problem, String back) {
		if (problem.refused()) {
			redirect.addFlashAttribute("error", problem.error());
			return "redirect:" + back;
		}
		redirect.addFlashAttribute("message", problem.value().reference() + " holds the cases now.");
		return "redirect:/problems/" + problem.value().reference();
	}

	static boolean isHtmx(String hxRequest) {
		return "true".equals(hxRequest);
	}

}

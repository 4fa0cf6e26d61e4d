package io.rootcase.console;

import io.rootcase.shared.ConflictException;
import io.rootcase.shared.ForbiddenException;
import io.rootcase.shared.NotFoundException;

import org.springframework.dao.ConcurrencyFailureException;

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
		try {
			command.run();
			return null;
		}
		catch (IllegalArgumentException | ConflictException | NotFoundException | ForbiddenException ex) {
			return ex.getMessage();
		}
		catch (ConcurrencyFailureException ex) {
			return "Someone else changed this meanwhile; the page now shows the latest state. Please try again.";
		}
	}

	static boolean isHtmx(String hxRequest) {
		return "true".equals(hxRequest);
	}

}

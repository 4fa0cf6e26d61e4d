package io.rootcase.shared;

import java.util.List;

/**
 * Input that cannot be accepted, with every problem found. Answered with 400 and the
 * problems listed in the problem detail.
 */
public class InvalidRequestException extends IllegalArgumentException {

	private final List<Problem> problems;

	public InvalidRequestException(String message, List<Problem> problems) {
		super(message);
		this.problems = List.copyOf(problems);
	}

	/** One problem with one field of a single item. */
	public static InvalidRequestException of(String field, String message) {
		return new InvalidRequestException(message, List.of(new Problem(null, field, message)));
	}

	/**
	 * Refuses a text longer than the place it is kept holds, so a person hears the limit
	 * instead of the database failing the request.
	 * @param what the text in words, as "a handover note"
	 * @return the text
	 */
	public static String requireAtMost(String field, String text, int max, String what) {
		if (text != null && text.length() > max) {
			throw of(field, what + " is at most " + max + " characters");
		}
		return text;
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/**
	 * One problem.
	 *
	 * @param position index in a batch or line in a file; {@code null} for a single item
	 */
	public record Problem(Integer position, String field, String message) {
	}

}

package io.rootcase.shared;

/**
 * The caller may not do this to this thing (not a matter of role alone, e.g. a problem
 * owned by another team). Answered with 403.
 */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}

}

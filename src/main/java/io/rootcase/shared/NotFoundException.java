package io.rootcase.shared;

/**
 * Something asked for by id or reference does not exist. Answered with 404.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}

package io.rootcase.shared;

/**
 * A request that is well formed but refused by the current state of what it changes (a
 * transition not allowed from the current status, a merged customer). Answered with 409.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}

package io.rootcase.staff;

/**
 * A staff change that cannot be made as asked (unknown team, taken username, ...).
 */
public class StaffException extends IllegalArgumentException {

	public StaffException(String message) {
		super(message);
	}

}

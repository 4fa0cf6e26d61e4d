package io.rootcase.customers;

/**
 * An identity that cannot belong to anybody: malformed address, impossible phone number.
 */
public class InvalidIdentityException extends IllegalArgumentException {

	private final IdentityKind kind;

	public InvalidIdentityException(IdentityKind kind, String message) {
		super(message);
		this.kind = kind;
	}

	public IdentityKind kind() {
		return this.kind;
	}

}

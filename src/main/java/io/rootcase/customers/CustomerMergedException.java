package io.rootcase.customers;

import java.util.UUID;

/**
 * A change was asked of a customer record that now lives on inside another.
 */
public class CustomerMergedException extends io.rootcase.shared.ConflictException {

	private final UUID survivor;

	public CustomerMergedException(UUID merged, UUID survivor) {
		super("customer " + merged + " was merged into " + survivor);
		this.survivor = survivor;
	}

	public UUID survivor() {
		return this.survivor;
	}

}

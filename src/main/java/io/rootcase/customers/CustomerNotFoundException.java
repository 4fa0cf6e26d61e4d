package io.rootcase.customers;

import java.util.UUID;

public class CustomerNotFoundException extends io.rootcase.shared.NotFoundException {

	public CustomerNotFoundException(UUID id) {
		super("no customer " + id);
	}

}

package io.rootcase.intake;

import io.rootcase.customers.CustomerErased;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erases what intake keeps of an erased customer: the words of every contact, theirs and
 * ours to them, and the address each came from or went to. When, on which channel and on
 * which case stay.
 */
@Component
class ContactErasure {

	private final JdbcClient jdbc;

	ContactErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Heard inside the erasing transaction, so the erasure is whole or not at all.
	@EventListener
	void on(CustomerErased erased) {
		this.jdbc.sql("update contacts set body = :erased, identity_value = null where customer_id in (:ids)")
			.param("erased", CustomerErased.TEXT)
			.param("ids", erased.customerIds())
			.update();
	}

}

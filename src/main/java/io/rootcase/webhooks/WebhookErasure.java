package io.rootcase.webhooks;

import io.rootcase.customers.CustomerErased;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erases the replies to an erased customer kept as webhook deliveries (their address and
 * the message): the stored post becomes an empty envelope, and one not yet taken is given
 * up rather than sent after the customer asked to be forgotten.
 */
@Component
class WebhookErasure {

	private final JdbcClient jdbc;

	WebhookErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Heard inside the erasing transaction, so the erasure is whole or not at all.
	@EventListener
	void on(CustomerErased erased) {
		for (java.util.UUID id : erased.customerIds()) {
			this.jdbc.sql("""
					update webhook_deliveries
					set state = case when state = 'PENDING' then 'FAILED' else state end,
					    next_attempt_at = null,
					    last_error = case when state = 'PENDING' then :why else last_error end,
					    payload = :empty
					where event = :event and payload like :customer""")
				.param("why", "given up: the customer's personal data was erased")
				.param("empty", "{\"erased\":true}")
				.param("event", WebhookEvent.REPLY_SENT.name())
				.param("customer", "%\"customerId\":\"" + id + "\"%")
				.update();
		}
	}

}

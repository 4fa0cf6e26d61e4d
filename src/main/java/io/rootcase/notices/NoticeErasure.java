package io.rootcase.notices;

import io.rootcase.customers.CustomerErased;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erases the address an erased customer was told at. That they were told, when and on
 * which channel stay: the notice's counts do not change.
 */
@Component
class NoticeErasure {

	private final JdbcClient jdbc;

	NoticeErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Heard inside the erasing transaction, so the erasure is whole or not at all.
	@EventListener
	void on(CustomerErased erased) {
		this.jdbc.sql("update notice_deliveries set address = :erased where customer_id in (:ids)")
			.param("erased", CustomerErased.TEXT)
			.param("ids", erased.customerIds())
			.update();
	}

}

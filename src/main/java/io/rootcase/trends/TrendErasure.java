package io.rootcase.trends;

import io.rootcase.cases.CustomerCasesErased;
import io.rootcase.customers.CustomerErased;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erases what trends keep in an erased customer's words: their messages shown as an
 * emerging group's representatives. Counts stay: they are how many, not who.
 */
@Component
class TrendErasure {

	private final JdbcClient jdbc;

	TrendErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Heard inside the erasing transaction, so the erasure is whole or not at all.
	@EventListener
	void on(CustomerCasesErased erased) {
		this.jdbc.sql(
				"update emerging_cluster_cases set message = :erased where message is not null and case_id in (:cases)")
			.param("erased", CustomerErased.TEXT)
			.param("cases", erased.caseIds())
			.update();
	}

}

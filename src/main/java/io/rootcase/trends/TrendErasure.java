package io.rootcase.trends;

import java.util.List;
import java.util.UUID;

import io.rootcase.cases.Cases;
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

	private final Cases cases;

	TrendErasure(JdbcClient jdbc, Cases cases) {
		this.jdbc = jdbc;
		this.cases = cases;
	}

	// Heard inside the erasing transaction, so the erasure is whole or not at all.
	@EventListener
	void on(CustomerErased erased) {
		List<UUID> caseIds = this.cases.idsOfCustomers(erased.customerIds());
		if (!caseIds.isEmpty()) {
			this.jdbc.sql(
					"update emerging_cluster_cases set message = :erased where message is not null and case_id in (:cases)")
				.param("erased", CustomerErased.TEXT)
				.param("cases", caseIds)
				.update();
		}
	}

}

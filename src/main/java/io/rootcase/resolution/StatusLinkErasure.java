package io.rootcase.resolution;

import java.util.List;
import java.util.UUID;

import io.rootcase.cases.Cases;
import io.rootcase.customers.CustomerErased;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased customer's status links stop working: the page shows their request, and
 * nobody holding an old message should read it any more.
 */
@Component
class StatusLinkErasure {

	private final JdbcClient jdbc;

	private final Cases cases;

	StatusLinkErasure(JdbcClient jdbc, Cases cases) {
		this.jdbc = jdbc;
		this.cases = cases;
	}

	// Heard inside the erasing transaction, so the erasure is whole or not at all.
	@EventListener
	void on(CustomerErased erased) {
		List<UUID> caseIds = this.cases.idsOfCustomers(erased.customerIds());
		if (!caseIds.isEmpty()) {
			this.jdbc.sql("delete from case_status_links where case_id in (:cases)").param("cases", caseIds).update();
		}
	}

}

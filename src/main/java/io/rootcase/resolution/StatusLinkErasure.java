package io.rootcase.resolution;

import io.rootcase.cases.CustomerCasesErased;

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

	StatusLinkErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Heard inside the erasing transaction, so the erasure is whole or not at all.
	@EventListener
	void on(CustomerCasesErased erased) {
		this.jdbc.sql("delete from case_status_links where case_id in (:cases)")
			.param("cases", erased.caseIds())
			.update();
	}

}

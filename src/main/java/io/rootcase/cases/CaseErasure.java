package io.rootcase.cases;

import java.util.List;
import java.util.UUID;

import io.rootcase.customers.CustomerErased;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erases what cases keep in an erased customer's words: each case's subject (the first
 * line of their first message) and what they wrote when they answered a resolution (a
 * transition the customer made). Statuses, actions, reasons and root causes stay.
 */
@Component
class CaseErasure {

	private final JdbcClient jdbc;

	private final CaseRepository cases;

	private final ApplicationEventPublisher events;

	CaseErasure(JdbcClient jdbc, CaseRepository cases, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.events = events;
	}

	// Heard inside the erasing transaction, so the erasure is whole or not at all.
	@EventListener
	void on(CustomerErased erased) {
		this.jdbc.sql("""
				update case_transitions set reason = :erased
				where actor = :customer and reason is not null
				  and case_id in (select id from cases where customer_id in (:ids))""")
			.param("erased", CustomerErased.TEXT)
			.param("customer", SupportCase.CUSTOMER)
			.param("ids", erased.customerIds())
			.update();
		this.jdbc.sql("update cases set subject = :erased where customer_id in (:ids)")
			.param("erased", CustomerErased.TEXT)
			.param("ids", erased.customerIds())
			.update();
		List<UUID> caseIds = this.cases.idsOfCustomers(erased.customerIds());
		if (!caseIds.isEmpty()) {
			this.events.publishEvent(new CustomerCasesErased(caseIds));
		}
	}

}

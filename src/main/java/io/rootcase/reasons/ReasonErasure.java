package io.rootcase.reasons;

import java.util.List;
import java.util.UUID;

import io.rootcase.cases.Cases;
import io.rootcase.customers.CustomerErased;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erases what contact reasons keep of an erased customer: the messages as triage shows
 * them, the labelled examples made from them (training data; the live model keeps only
 * weights) and the meaning vectors of their cases. Each contact's label, the reason,
 * stays.
 */
@Component
class ReasonErasure {

	private final JdbcClient jdbc;

	private final Cases cases;

	ReasonErasure(JdbcClient jdbc, Cases cases) {
		this.jdbc = jdbc;
		this.cases = cases;
	}

	// Heard inside the erasing transaction, so the erasure is whole or not at all.
	@EventListener
	void on(CustomerErased erased) {
		List<UUID> caseIds = this.cases.idsOfCustomers(erased.customerIds());
		if (caseIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				delete from reason_examples
				where contact_id in (select contact_id from contact_labels where case_id in (:cases))""")
			.param("cases", caseIds)
			.update();
		this.jdbc.sql("update contact_labels set body = :erased where case_id in (:cases)")
			.param("erased", CustomerErased.TEXT)
			.param("cases", caseIds)
			.update();
		this.jdbc.sql("delete from case_vectors where case_id in (:cases)").param("cases", caseIds).update();
	}

}

package io.rootcase.reasons;

import io.rootcase.cases.CustomerCasesErased;
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

	ReasonErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Heard inside the erasing transaction, so the erasure is whole or not at all.
	@EventListener
	void on(CustomerCasesErased erased) {
		this.jdbc.sql("""
				delete from reason_examples
				where contact_id in (select contact_id from contact_labels where case_id in (:cases))""")
			.param("cases", erased.caseIds())
			.update();
		this.jdbc.sql("update contact_labels set body = :erased where case_id in (:cases)")
			.param("erased", CustomerErased.TEXT)
			.param("cases", erased.caseIds())
			.update();
		this.jdbc.sql("delete from case_vectors where case_id in (:cases)").param("cases", erased.caseIds()).update();
	}

}

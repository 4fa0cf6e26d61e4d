package io.rootcase.cases;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Once a case has its contact reason, checks whether it is the customer's earlier problem
 * come back with the same reason, after relief (a recurrence) or after a cure (a cure
 * that did not hold). Runs after the reason is stored; the links are written beside the
 * case's version, so they never make an agent's concurrent change fail.
 */
@Component
class RecurrenceByReason {

	private final Cases cases;

	RecurrenceByReason(Cases cases) {
		this.cases = cases;
	}

	@ApplicationModuleListener
	void on(CaseEvents.CaseReasonPredicted predicted) {
		this.cases.linkRecurrenceByReason(predicted.caseId());
	}

	@ApplicationModuleListener
	void on(CaseEvents.CaseReasonChosen chosen) {
		this.cases.linkRecurrenceByReason(chosen.caseId());
	}

}

package io.rootcase.cases;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Once a case has its contact reason, checks whether it is the customer's earlier problem
 * come back with the same reason. Runs after the reason is stored, each attempt in its
 * own transaction, and tries again when an agent changed the case meanwhile.
 */
@Component
class RecurrenceByReason {

	private static final int ATTEMPTS = 3;

	private final Cases cases;

	RecurrenceByReason(Cases cases) {
		this.cases = cases;
	}

	@Async
	@TransactionalEventListener
	void on(CaseEvents.CaseReasonPredicted predicted) {
		link(predicted.caseId());
	}

	@Async
	@TransactionalEventListener
	void on(CaseEvents.CaseReasonChosen chosen) {
		link(chosen.caseId());
	}

	private void link(java.util.UUID caseId) {
		for (int attempt = 1;; attempt++) {
			try {
				this.cases.linkRecurrenceByReason(caseId);
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

}

package io.rootcase.cases;

import java.util.UUID;

/**
 * Whether a case is a problem coming back: the earlier case it recurs and what showed it,
 * and whether the customer says so themselves.
 */
record RecurrenceState(UUID of, RecurrenceSignal signal, boolean customerSaysSo) {

	static final RecurrenceState NONE = new RecurrenceState(null, null, false);

	RecurrenceState linked(UUID earlier, RecurrenceSignal how) {
		return new RecurrenceState(earlier, how, this.customerSaysSo);
	}

	RecurrenceState saidSo() {
		return new RecurrenceState(this.of, this.signal, true);
	}

}

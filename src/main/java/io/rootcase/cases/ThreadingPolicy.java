package io.rootcase.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides which of a customer's cases a new contact without an explicit reference belongs
 * to. The customer's active case that was last busy, provided it was busy within the
 * window before the contact: a customer writing on Tuesday about the case they phoned
 * about on Monday continues it, on any channel. Once contact reasons exist the matter is
 * compared too (a new case for a new matter).
 */
record ThreadingPolicy(Duration window) {

	Optional<CaseSnapshot> caseFor(List<CaseSnapshot> customerCases, Instant contactAt) {
		Instant earliest = contactAt.minus(this.window);
		return customerCases.stream()
			.filter(c -> c.status().isActive())
			.filter(c -> !c.lastActivityAt().isBefore(earliest))
			.max(Comparator.comparing(CaseSnapshot::lastActivityAt));
	}

}

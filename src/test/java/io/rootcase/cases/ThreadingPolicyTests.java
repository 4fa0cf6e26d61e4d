package io.rootcase.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.rootcase.shared.Channel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadingPolicyTests {

	private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	private final ThreadingPolicy policy = new ThreadingPolicy(Duration.ofDays(14));

	private static CaseSnapshot caseWith(CaseStatus status, Instant lastActivity) {
		return new CaseSnapshot(UUID.randomUUID(), 1L, UUID.randomUUID(), Channel.EMAIL, "s", status, "support", null,
				lastActivity, lastActivity, null, null, 0, 0, CaseDiagnosisState.UNDIAGNOSED, ResolutionState.NONE,
				RecurrenceState.NONE);
	}

	@Test
	void aContactContinuesTheMostRecentlyActiveOpenCase() {
		CaseSnapshot older = caseWith(CaseStatus.OPEN, NOW.minus(Duration.ofDays(3)));
		CaseSnapshot recent = caseWith(CaseStatus.WAITING_ON_CUSTOMER, NOW.minus(Duration.ofHours(2)));
		assertThat(this.policy.caseFor(List.of(older, recent), NOW)).contains(recent);
	}

	@Test
	void resolvedAndClosedCasesAreNotContinued() {
		assertThat(
				this.policy.caseFor(List.of(caseWith(CaseStatus.RESOLVED, NOW), caseWith(CaseStatus.CLOSED, NOW)), NOW))
			.isEmpty();
	}

	@Test
	void aCaseQuietForLongerThanTheWindowIsNotContinued() {
		CaseSnapshot atEdge = caseWith(CaseStatus.OPEN, NOW.minus(Duration.ofDays(14)));
		CaseSnapshot beyond = caseWith(CaseStatus.OPEN, NOW.minus(Duration.ofDays(14)).minusSeconds(1));
		assertThat(this.policy.caseFor(List.of(atEdge), NOW)).contains(atEdge);
		assertThat(this.policy.caseFor(List.of(beyond), NOW)).isEmpty();
	}

}

package io.rootcase.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.rootcase.shared.Channel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadingPolicyTests {

	private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	private final ThreadingPolicy policy = new ThreadingPolicy(Duration.ofDays(14));

	private static CaseSnapshot caseWith(CaseStatus status, Instant lastActivity) {
		return caseAbout(null, status, lastActivity);
	}

	private static CaseSnapshot caseAbout(String reason, CaseStatus status, Instant lastActivity) {
		CaseDiagnosisState diagnosis = reason == null ? CaseDiagnosisState.UNDIAGNOSED
				: CaseDiagnosisState.UNDIAGNOSED.withReason(reason, ReasonSource.PREDICTED);
		return new CaseSnapshot(UUID.randomUUID(), 1L, UUID.randomUUID(), Channel.EMAIL, "s", status, "support", null,
				lastActivity, lastActivity, null, null, 0, 0, diagnosis, ResolutionState.NONE, RecurrenceState.NONE,
				null, null);
	}

	/** A contact read as being about a reason; counts how often it was read. */
	private static ThreadingPolicy.Matter about(String reason, AtomicInteger reads) {
		return new ThreadingPolicy.Matter(() -> {
			reads.incrementAndGet();
			return Optional.ofNullable(reason);
		}, (a, b) -> a.equals(b) || Set.of(a, b).equals(Set.of("refunds", "billing")));
	}

	@Test
	void aContactContinuesTheMostRecentlyActiveOpenCase() {
		CaseSnapshot older = caseWith(CaseStatus.OPEN, NOW.minus(Duration.ofDays(3)));
		CaseSnapshot recent = caseWith(CaseStatus.WAITING_ON_CUSTOMER, NOW.minus(Duration.ofHours(2)));
		assertThat(this.policy.caseFor(List.of(older, recent), NOW, ThreadingPolicy.Matter.UNREAD)).contains(recent);
	}

	@Test
	void resolvedAndClosedCasesAreNotContinued() {
		List<CaseSnapshot> ended = List.of(caseWith(CaseStatus.RESOLVED, NOW), caseWith(CaseStatus.CLOSED, NOW));
		assertThat(this.policy.caseFor(ended, NOW, ThreadingPolicy.Matter.UNREAD)).isEmpty();
	}

	@Test
	void aCaseQuietForLongerThanTheWindowIsNotContinued() {
		CaseSnapshot atEdge = caseWith(CaseStatus.OPEN, NOW.minus(Duration.ofDays(14)));
		CaseSnapshot beyond = caseWith(CaseStatus.OPEN, NOW.minus(Duration.ofDays(14)).minusSeconds(1));
		assertThat(this.policy.caseFor(List.of(atEdge), NOW, ThreadingPolicy.Matter.UNREAD)).contains(atEdge);
		assertThat(this.policy.caseFor(List.of(beyond), NOW, ThreadingPolicy.Matter.UNREAD)).isEmpty();
	}

	@Test
	void aContactOnAnotherMatterThanEveryOpenCaseOpensANewOne() {
		CaseSnapshot internet = caseAbout("internet", CaseStatus.OPEN, NOW.minus(Duration.ofHours(2)));
		assertThat(this.policy.caseFor(List.of(internet), NOW, about("billing", new AtomicInteger()))).isEmpty();
	}

	@Test
	void aContactContinuesTheCaseOnItsMatterEvenWhenAnotherWasBusyLater() {
		CaseSnapshot billing = caseAbout("billing", CaseStatus.WAITING_ON_CUSTOMER, NOW.minus(Duration.ofDays(3)));
		CaseSnapshot internet = caseAbout("internet", CaseStatus.OPEN, NOW.minus(Duration.ofHours(2)));
		assertThat(this.policy.caseFor(List.of(billing, internet), NOW, about("billing", new AtomicInteger())))
			.contains(billing);
	}

	@Test
	void aReasonMergedIntoTheCasesReasonIsTheSameMatter() {
		CaseSnapshot billing = caseAbout("billing", CaseStatus.OPEN, NOW.minus(Duration.ofHours(2)));
		assertThat(this.policy.caseFor(List.of(billing), NOW, about("refunds", new AtomicInteger()))).contains(billing);
	}

	@Test
	void aContactWhoseReasonCannotBeToldContinuesTheLastBusyCase() {
		CaseSnapshot billing = caseAbout("billing", CaseStatus.OPEN, NOW.minus(Duration.ofDays(3)));
		CaseSnapshot internet = caseAbout("internet", CaseStatus.OPEN, NOW.minus(Duration.ofHours(2)));
		assertThat(this.policy.caseFor(List.of(billing, internet), NOW, about(null, new AtomicInteger())))
			.contains(internet);
	}

	@Test
	void aCaseWhoseReasonIsNotKnownYetTakesAContactOnANewMatterBeforeANewCaseOpens() {
		CaseSnapshot unread = caseAbout(null, CaseStatus.NEW, NOW.minus(Duration.ofDays(2)));
		CaseSnapshot internet = caseAbout("internet", CaseStatus.OPEN, NOW.minus(Duration.ofHours(2)));
		assertThat(this.policy.caseFor(List.of(unread, internet), NOW, about("billing", new AtomicInteger())))
			.contains(unread);
	}

	@Test
	void theContactIsReadOnlyWhenAnOpenCaseHasAReasonToCompareWith() {
		AtomicInteger reads = new AtomicInteger();
		CaseSnapshot unread = caseAbout(null, CaseStatus.OPEN, NOW.minus(Duration.ofHours(2)));
		CaseSnapshot old = caseAbout("internet", CaseStatus.OPEN, NOW.minus(Duration.ofDays(20)));

		assertThat(this.policy.caseFor(List.of(unread, old), NOW, about("billing", reads))).contains(unread);
		assertThat(this.policy.caseFor(List.of(), NOW, about("billing", reads))).isEmpty();
		assertThat(reads).hasValue(0);
	}

}

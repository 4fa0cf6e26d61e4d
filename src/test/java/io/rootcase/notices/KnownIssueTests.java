package io.rootcase.notices;

import java.time.LocalDate;
import java.util.List;

import io.rootcase.problems.ProblemStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KnownIssueTests {

	static final LocalDate FIX_BY = LocalDate.of(2026, 12, 20);

	@Test
	void whileTheFixIsComingThePageSaysWhereItStandsAndWhenItIsExpected() {
		assertThat(KnownIssue.stands(ProblemStatus.NEW, null)).isEqualTo("We are looking for the cause.");
		assertThat(KnownIssue.stands(ProblemStatus.INVESTIGATING, FIX_BY))
			.isEqualTo("We are looking for the cause. We expect it to be fixed by 2026-12-20.");
		assertThat(KnownIssue.stands(ProblemStatus.ROOT_CAUSE_KNOWN, FIX_BY))
			.isEqualTo("We know the cause and are preparing a fix. We expect it to be fixed by 2026-12-20.");
		assertThat(KnownIssue.stands(ProblemStatus.FIX_IN_PROGRESS, null)).isEqualTo("A fix is being made.");
	}

	@Test
	void onceTheFixIsOutThePageNoLongerPromisesADateAndOnlyAVerifiedFixIsFixed() {
		assertThat(KnownIssue.stands(ProblemStatus.FIX_DEPLOYED, FIX_BY))
			.isEqualTo("A fix is out. We are checking that the problem has stopped.");
		assertThat(KnownIssue.of(ProblemStatus.FIX_DEPLOYED, FIX_BY, List.of()).fixed()).isFalse();
		KnownIssue verified = KnownIssue.of(ProblemStatus.VERIFIED, FIX_BY, List.of());
		assertThat(verified.fixed()).isTrue();
		assertThat(verified.stands()).isEqualTo("Fixed: the problem has stopped.");
	}

}

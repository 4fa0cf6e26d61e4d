package io.rootcase.notices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.rootcase.problems.ProblemStatus;
import io.rootcase.problems.ProblemView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeDraftTests {

	static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

	static ProblemView problem(String workaround, LocalDate fixBy, Instant deployed) {
		return new ProblemView(UUID.randomUUID(), "PRB-3", "Upgrades are charged twice", null, "finance", null,
				deployed == null ? ProblemStatus.ROOT_CAUSE_KNOWN : ProblemStatus.FIX_DEPLOYED, true, null, "Proration",
				null, null, workaround, null, fixBy, deployed, null, null, NOW.minusSeconds(86_400 * 10), "maria");
	}

	static NoticeView sentAt(Instant at) {
		return new NoticeView(UUID.randomUUID(), "PRB-3", "We know.", at, "maria", 3, 1, 0, 0, null);
	}

	@Test
	void theFirstDraftSaysWhatIsWrongWhatToDoMeanwhileAndWhenItIsFixed() {
		assertThat(NoticeDraft.of(problem("Credit the difference", LocalDate.of(2026, 12, 20), null), List.of()))
			.isEqualTo("We know about a problem: Upgrades are charged twice. Until it is fixed: Credit the difference."
					+ " We expect to fix it by 2026-12-20. You do not need to contact us about it;"
					+ " we will tell you when it is fixed.");
		assertThat(NoticeDraft.of(problem(null, null, null), List.of()))
			.isEqualTo("We know about a problem: Upgrades are charged twice. You do not need to contact us about it;"
					+ " we will tell you when it is fixed.");
	}

	@Test
	void onceTheFixIsOutTheDraftSaysSoUntilANoticeHasSaidIt() {
		Instant deployed = NOW.minusSeconds(3600);
		List<NoticeView> before = List.of(sentAt(NOW.minusSeconds(86_400)));
		assertThat(NoticeDraft.of(problem(null, null, deployed), before))
			.startsWith("The problem we told you about (Upgrades are charged twice) is fixed.");
		assertThat(NoticeDraft.of(problem(null, null, deployed), List.of(sentAt(NOW), before.get(0)))).isNull();
	}

	@Test
	void afterTheFirstNoticeWithNoFixOutTheTeamWritesWhatIsNew() {
		assertThat(NoticeDraft.of(problem("Credit the difference", null, null), List.of(sentAt(NOW)))).isNull();
	}

}

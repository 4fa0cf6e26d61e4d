package io.rootcase.problems;

import java.time.Instant;
import java.util.UUID;

import io.rootcase.shared.ConflictException;
import io.rootcase.shared.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProblemTests {

	static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	static Problem.Details details(String rootCauseText, String workaround) {
		return new Problem.Details("Proration double-charges upgrades", null, "finance", "dana", null, rootCauseText,
				null, workaround, null, null, null);
	}

	@Test
	void followsTheWorkflowRecordingEveryStep() {
		Problem p = Problem.open(UUID.randomUUID(), details(null, null), "maria", NOW);
		p.moveTo(ProblemStatus.INVESTIGATING, "maria", "ten cases this week", NOW);
		p.describe(details("Proration uses the old plan's price", "Credit the difference"));
		p.moveTo(ProblemStatus.ROOT_CAUSE_KNOWN, "dana", "found in the billing run", NOW);
		p.moveTo(ProblemStatus.FIX_IN_PROGRESS, "dana", null, NOW);
		p.moveTo(ProblemStatus.FIX_DEPLOYED, "dana", "release 42", NOW.plusSeconds(60));

		assertThat(p.status()).isEqualTo(ProblemStatus.FIX_DEPLOYED);
		assertThat(p.fixDeployedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(p.status().isKnownError()).isTrue();
		assertThat(p.drainTransitions()).extracting(Problem.Transition::to)
			.containsExactly(ProblemStatus.NEW, ProblemStatus.INVESTIGATING, ProblemStatus.ROOT_CAUSE_KNOWN,
					ProblemStatus.FIX_IN_PROGRESS, ProblemStatus.FIX_DEPLOYED);
	}

	@Test
	void emptyFieldsOfAFormMeanNone() {
		Problem.Details d = new Problem.Details("Echo on phone lines", " ", "product", "", "", "  ", "", "", " ", null,
				"");
		assertThat(d.description()).isNull();
		assertThat(d.owner()).isNull();
		assertThat(d.rootCauseKey()).isNull();
		assertThat(d.rootCauseText()).isNull();
		assertThat(d.reasonKey()).isNull();
		assertThat(d.workaround()).isNull();
		assertThat(d.fixPlan()).isNull();
		assertThat(d.segment()).isNull();
		assertThat(d.hasRootCause()).isFalse();
	}

	@Test
	void aRootCauseInWordsGetsAKnowledgeBaseKeyFromTheProblemsNumberAndItsWords() {
		Problem p = new Problem(UUID.randomUUID(), 12L, details("Proration uses the old plan’s price!", null),
				ProblemStatus.INVESTIGATING, null, null, null, NOW, "maria", 1);
		assertThat(p.knowledgeBaseKey()).isEqualTo("prb12_proration_uses_the_old_plan_s_price");

		Problem wordy = new Problem(UUID.randomUUID(), 7L,
				details("When a customer upgrades in the middle of a billing period the proration step reads the "
						+ "price of the old plan", null),
				ProblemStatus.INVESTIGATING, null, null, null, NOW, "maria", 1);
		assertThat(wordy.knowledgeBaseKey()).hasSizeLessThanOrEqualTo(60)
			.startsWith("prb7_when_a_customer")
			.matches("[a-z0-9][a-z0-9_.-]{0,79}")
			.doesNotEndWith("_");

		p.rootCauseRecordedAs("prb12_proration");
		assertThat(p.details().rootCauseKey()).isEqualTo("prb12_proration");
		assertThat(p.details().rootCauseText()).isEqualTo("Proration uses the old plan’s price!");
		assertThat(p.knowledgeBaseKey()).isEqualTo("prb12_proration");
	}

	@Test
	void refusesToSkipStepsOrCallACauseKnownWithoutCauseAndWorkaround() {
		Problem p = Problem.open(UUID.randomUUID(), details(null, null), "maria", NOW);

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> p.moveTo(ProblemStatus.FIX_DEPLOYED, "maria", null, NOW))
			.withMessageContaining("cannot go from new to fix deployed");
		p.moveTo(ProblemStatus.INVESTIGATING, "maria", null, NOW);
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> p.moveTo(ProblemStatus.ROOT_CAUSE_KNOWN, "maria", null, NOW))
			.withMessageContaining("root cause");
		p.describe(details("Old price used", null));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> p.moveTo(ProblemStatus.ROOT_CAUSE_KNOWN, "maria", null, NOW))
			.withMessageContaining("workaround");
		assertThat(p.status()).isEqualTo(ProblemStatus.INVESTIGATING);
	}

	@Test
	void goesBackToInvestigatingWhenTheFixDidNotWorkAndForgetsTheDeployment() {
		Problem p = deployed();

		p.moveTo(ProblemStatus.INVESTIGATING, "maria", "cases keep coming", NOW);

		assertThat(p.status()).isEqualTo(ProblemStatus.INVESTIGATING);
		assertThat(p.fixDeployedAt()).isNull();
	}

	@Test
	void onlyADeployedFixIsVerifiedAndOnlyWithAReason() {
		Problem p = Problem.open(UUID.randomUUID(), details(null, null), "maria", NOW);
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> p.verify("maria", "looks fine", NOW));

		Problem d = deployed();
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> d.verify("maria", " ", NOW));
		d.verify("maria", "matching cases fell from 0.71 to 0.14 a day (p = 0.009)", NOW);
		assertThat(d.status()).isEqualTo(ProblemStatus.VERIFIED);
		assertThat(d.verifiedAt()).isEqualTo(NOW);
	}

	@Test
	void aKnownErrorKeepsItsRootCause() {
		Problem p = deployed();

		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> p.describe(details(null, "x")));
	}

	static Problem deployed() {
		Problem p = Problem.open(UUID.randomUUID(), details("Old price used", "Credit the difference"), "maria", NOW);
		p.moveTo(ProblemStatus.INVESTIGATING, "maria", null, NOW);
		p.moveTo(ProblemStatus.ROOT_CAUSE_KNOWN, "maria", null, NOW);
		p.moveTo(ProblemStatus.FIX_IN_PROGRESS, "maria", null, NOW);
		p.moveTo(ProblemStatus.FIX_DEPLOYED, "maria", null, NOW);
		return p;
	}

}

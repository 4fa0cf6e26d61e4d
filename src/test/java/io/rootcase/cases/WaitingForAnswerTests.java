package io.rootcase.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.rootcase.shared.Channel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Since when a customer waits for our answer, and when it is due.
 */
class WaitingForAnswerTests {

	private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

	private static SupportCase opened() {
		return SupportCase.open(UUID.randomUUID(), Channel.CHAT, "Where is my router?", "support", null, T0);
	}

	private static Instant waitingSince(SupportCase c) {
		return c.snapshot().waitingSince();
	}

	@Test
	void aCustomerWaitsFromTheirFirstContactUntilWeAnswerAndAgainFromTheirNextMessage() {
		SupportCase c = opened();
		assertThat(waitingSince(c)).isEqualTo(T0);

		c.changeStatus(CaseStatus.OPEN, null, "alice", T0.plusSeconds(60));
		c.customerContacted("Any news?", T0.plusSeconds(120));
		assertThat(waitingSince(c)).as("still the same wait").isEqualTo(T0);

		c.repliedToCustomer("alice", T0.plusSeconds(600));
		assertThat(waitingSince(c)).isNull();

		c.customerContacted("It has not come", T0.plusSeconds(3600));
		assertThat(waitingSince(c)).isEqualTo(T0.plusSeconds(3600));
	}

	@Test
	void nobodyWaitsForUsWhileTheyAreAskedToConfirmAndTheWaitStartsAgainWhenTheyReject() {
		SupportCase c = opened();
		c.proposeResolution("Your router ships today", "alice", T0.plusSeconds(60));
		assertThat(waitingSince(c)).isNull();

		c.rejectResolution("Still nothing", T0.plusSeconds(7200));
		assertThat(waitingSince(c)).isEqualTo(T0.plusSeconds(7200));

		c.changeStatus(CaseStatus.CLOSED, "sent a new router", "alice", T0.plusSeconds(9000));
		assertThat(waitingSince(c)).isNull();
	}

	@Test
	void theAnswerIsDueByTheTargetOfTheCasesChannel() {
		AnswerTargets targets = new AnswerTargets(Map.of(Channel.CHAT, Duration.ofMinutes(10)));
		assertThat(targets.dueBy(Channel.CHAT, T0)).isEqualTo(T0.plusSeconds(600));
		assertThat(targets.dueBy(Channel.EMAIL, T0)).as("no target for e-mail").isNull();
		assertThat(targets.dueBy(Channel.CHAT, null)).as("nobody waits").isNull();
		assertThat(CaseView.of(opened().snapshot(), targets).answerDueAt()).isEqualTo(T0.plusSeconds(600));
	}

	@Test
	void aTargetIsAPositiveDuration() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AnswerTargets(Map.of(Channel.EMAIL, Duration.ZERO)))
			.withMessageContaining("rootcase.cases.answer-within.email");
	}

}

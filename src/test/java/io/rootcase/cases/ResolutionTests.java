package io.rootcase.cases;

import java.time.Instant;
import java.util.UUID;

import io.rootcase.cases.CaseEvents.CustomerThankedWithoutConfirming;
import io.rootcase.cases.CaseEvents.ResolutionConfirmed;
import io.rootcase.cases.CaseHistory.Transition;
import io.rootcase.shared.Channel;
import io.rootcase.shared.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Palliative vs curative, and resolution confirmed by the customer: the case's rules.
 */
class ResolutionTests {

	private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

	private SupportCase opened() {
		SupportCase c = SupportCase.open(UUID.randomUUID(), Channel.EMAIL, "My internet drops every evening", "support",
				null, T0);
		c.drainRecorded();
		c.drainEvents();
		return c;
	}

	private SupportCase awaiting() {
		SupportCase c = opened();
		c.recordAction(ActionKind.PALLIATIVE, "Remote router reset", 5, null, null, "alice", T0.plusSeconds(10));
		c.proposeResolution("We reset your router.", "alice", T0.plusSeconds(20));
		c.drainRecorded();
		c.drainEvents();
		return c;
	}

	@Test
	void aCurativeActionForTheConfirmedRootCauseMakesTheCaseCured() {
		SupportCase c = opened();
		c.rootCauseFound(RootCauseState.KNOWN, "router_firmware_watchdog", T0);
		c.recordAction(ActionKind.PALLIATIVE, "Remote router reset", 5, null, null, "alice", T0);
		c.recordAction(ActionKind.CURATIVE, "Pushed firmware 4.2.1", 10, "router_firmware_watchdog",
				"Push router firmware 4.2.1", "alice", T0);
		c.proposeResolution("Firmware updated", "alice", T0.plusSeconds(5));
		assertThat(c.resolutionKind()).isEqualTo(ResolutionKind.CURED);
	}

	@Test
	void aCureNamingNoCauseCountsForTheKnownRootCause() {
		SupportCase c = opened();
		c.rootCauseFound(RootCauseState.KNOWN, "router_firmware_watchdog", T0);
		c.recordAction(ActionKind.CURATIVE, "Pushed firmware", 10, null, null, "alice", T0);
		c.proposeResolution("Firmware updated", "alice", T0.plusSeconds(5));
		assertThat(c.resolutionKind()).isEqualTo(ResolutionKind.CURED);
	}

	@Test
	void aCureForAnotherCauseOrWithoutAKnownCauseIsNotACure() {
		SupportCase other = opened();
		other.rootCauseFound(RootCauseState.KNOWN, "line_joint_corrosion", T0);
		other.recordAction(ActionKind.CURATIVE, "Pushed firmware", 10, "router_firmware_watchdog", null, "alice", T0);
		other.recordAction(ActionKind.PALLIATIVE, "Reset", 5, null, null, "alice", T0);
		other.proposeResolution("done", "alice", T0.plusSeconds(5));
		assertThat(other.resolutionKind()).isEqualTo(ResolutionKind.RELIEVED);

		SupportCase undiagnosed = opened();
		undiagnosed.recordAction(ActionKind.CURATIVE, "Replaced the router", 30, null, null, "alice", T0);
		undiagnosed.proposeResolution("done", "alice", T0.plusSeconds(5));
		assertThat(undiagnosed.resolutionKind()).isEqualTo(ResolutionKind.UNEXPLAINED);
	}

	@Test
	void onlyPalliativesMakeTheCaseRelievedAndNoWorkAtAllUnexplained() {
		assertThat(awaiting().resolutionKind()).isEqualTo(ResolutionKind.RELIEVED);
		SupportCase nothing = opened();
		nothing.rootCauseFound(RootCauseState.UNKNOWN, null, T0);
		nothing.changeStatus(CaseStatus.CLOSED, "customer gave up", "alice", T0.plusSeconds(5));
		assertThat(nothing.resolutionKind()).isEqualTo(ResolutionKind.UNEXPLAINED);
	}

	@Test
	void aCaseStillBeingWorkedHasNoResolutionKind() {
		SupportCase c = opened();
		c.recordAction(ActionKind.PALLIATIVE, "Reset", 5, null, null, "alice", T0);
		assertThat(c.resolutionKind()).isNull();
	}

	@Test
	void agentsCannotResolveByStatusOnlyTheCustomerConfirms() {
		SupportCase c = opened();
		assertThatThrownBy(() -> c.changeStatus(CaseStatus.RESOLVED, "fixed", "alice", T0))
			.isInstanceOf(CaseRuleViolation.class)
			.hasMessageContaining("only the customer confirms");
		assertThatThrownBy(() -> c.changeStatus(CaseStatus.AWAITING_CONFIRMATION, "fixed", "alice", T0))
			.isInstanceOf(CaseRuleViolation.class);
		assertThat(CaseStatus.OPEN.settableByHand()).doesNotContain(CaseStatus.RESOLVED,
				CaseStatus.AWAITING_CONFIRMATION);
	}

	@Test
	void aProposalNeedsANoteForTheCustomerAndAnOpenCase() {
		assertThatThrownBy(() -> opened().proposeResolution(" ", "alice", T0))
			.isInstanceOf(InvalidRequestException.class);
		SupportCase c = awaiting();
		assertThatThrownBy(() -> c.proposeResolution("again", "alice", T0.plusSeconds(30)))
			.isInstanceOf(CaseRuleViolation.class);
	}

	@Test
	void confirmingResolvesTheCaseOnceEvenWhenSubmittedTwice() {
		SupportCase c = awaiting();
		assertThat(c.confirmResolution(T0.plusSeconds(60))).isTrue();
		assertThat(c.status()).isEqualTo(CaseStatus.RESOLVED);
		assertThat(c.snapshot().resolution().outcome()).isEqualTo(ResolutionOutcome.CONFIRMED_BY_CUSTOMER);
		assertThat(c.confirmResolution(T0.plusSeconds(61))).isFalse();
		assertThat(c.drainEvents()).filteredOn(ResolutionConfirmed.class::isInstance)
			.singleElement()
			.satisfies(e -> assertThat(((ResolutionConfirmed) e).kind()).isEqualTo(ResolutionKind.RELIEVED));
	}

	@Test
	void rejectingReopensWithTheReasonAndCountsAReopen() {
		SupportCase c = awaiting();
		assertThatThrownBy(() -> c.rejectResolution("", T0.plusSeconds(60)))
			.isInstanceOf(InvalidRequestException.class);
		c.rejectResolution("Still drops every night", T0.plusSeconds(60));
		assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
		assertThat(c.snapshot().resolution().reopenCount()).isEqualTo(1);
		// The proposal's date stays known until the next one.
		assertThat(c.snapshot().resolution().proposedAt()).isEqualTo(T0.plusSeconds(20));
		assertThat(c.drainRecorded()).singleElement()
			.isInstanceOfSatisfying(Transition.class,
					t -> assertThat(t.reason()).isEqualTo("customer rejected the resolution: Still drops every night"));
		assertThatThrownBy(() -> c.confirmResolution(T0.plusSeconds(70))).isInstanceOf(CaseRuleViolation.class)
			.hasMessageContaining("not awaiting");
	}

	@Test
	void aReplyThatDoesNotConfirmReopensButAPlainThanksDoesNot() {
		SupportCase thanked = awaiting();
		thanked.customerContacted("Thanks a lot!", T0.plusSeconds(60));
		assertThat(thanked.status()).isEqualTo(CaseStatus.AWAITING_CONFIRMATION);
		assertThat(thanked.drainEvents()).hasOnlyElementsOfType(CustomerThankedWithoutConfirming.class).hasSize(1);

		SupportCase replied = awaiting();
		replied.customerContacted("Thanks, but it dropped again last night", T0.plusSeconds(60));
		assertThat(replied.status()).isEqualTo(CaseStatus.OPEN);
		assertThat(replied.snapshot().resolution().reopenCount()).isEqualTo(1);
	}

	@Test
	void withoutAnAnswerTheCustomerIsRemindedOnceThenTheCaseClosesUnconfirmed() {
		SupportCase c = awaiting();
		c.confirmationReminderSent(T0.plusSeconds(3600));
		assertThatThrownBy(() -> c.confirmationReminderSent(T0.plusSeconds(3601)))
			.isInstanceOf(CaseRuleViolation.class);
		c.closeUnconfirmed(T0.plusSeconds(7200));
		assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(c.snapshot().resolution().outcome()).isEqualTo(ResolutionOutcome.CLOSED_UNCONFIRMED);
		assertThat(c.resolutionKind()).isEqualTo(ResolutionKind.RELIEVED);
		assertThatThrownBy(() -> c.confirmResolution(T0.plusSeconds(7300))).isInstanceOf(CaseRuleViolation.class);
	}

	@Test
	void aManagerMayResolveOnTheCustomersBehalfWithAReasonCountedApart() {
		SupportCase c = opened();
		assertThatThrownBy(() -> c.resolveOnBehalf(" ", "maria", T0)).isInstanceOf(InvalidRequestException.class);
		c.resolveOnBehalf("Customer confirmed by phone, no e-mail access", "maria", T0.plusSeconds(5));
		assertThat(c.status()).isEqualTo(CaseStatus.RESOLVED);
		assertThat(c.snapshot().resolution().outcome()).isEqualTo(ResolutionOutcome.RESOLVED_ON_BEHALF);
	}

	@Test
	void reopeningByHandCountsAsAReopenAndClosingWhileAwaitingIsUnconfirmed() {
		SupportCase reopened = awaiting();
		reopened.changeStatus(CaseStatus.OPEN, "customer called, still broken", "alice", T0.plusSeconds(60));
		assertThat(reopened.snapshot().resolution().reopenCount()).isEqualTo(1);

		SupportCase closed = awaiting();
		closed.changeStatus(CaseStatus.CLOSED, "duplicate", "alice", T0.plusSeconds(60));
		assertThat(closed.snapshot().resolution().outcome()).isEqualTo(ResolutionOutcome.CLOSED_UNCONFIRMED);
	}

	@Test
	void aReplySayingItWorksConfirms() {
		SupportCase c = awaiting();
		c.customerContacted("Yes, it works now. Thanks!", T0.plusSeconds(60));
		assertThat(c.status()).isEqualTo(CaseStatus.RESOLVED);
		assertThat(c.snapshot().resolution().outcome()).isEqualTo(ResolutionOutcome.CONFIRMED_BY_CUSTOMER);
	}

	@Test
	void repliesAreReadAsConfirmationThanksOrAnythingElseInTheDemosLanguages() {
		assertThat(CustomerReply.classify("Thank you!")).isEqualTo(CustomerReply.Intent.THANKS);
		assertThat(CustomerReply.classify("thx, great")).isEqualTo(CustomerReply.Intent.THANKS);
		assertThat(CustomerReply.classify("¡Muchas gracias!")).isEqualTo(CustomerReply.Intent.THANKS);
		assertThat(CustomerReply.classify("Merci beaucoup")).isEqualTo(CustomerReply.Intent.THANKS);
		assertThat(CustomerReply.classify("All good, problem solved")).isEqualTo(CustomerReply.Intent.CONFIRMS);
		assertThat(CustomerReply.classify("Ya funciona, gracias")).isEqualTo(CustomerReply.Intent.CONFIRMS);
		assertThat(CustomerReply.classify("Thanks, but it is still slow")).isEqualTo(CustomerReply.Intent.OTHER);
		assertThat(CustomerReply.classify("Thanks - is it fixed for good?")).isEqualTo(CustomerReply.Intent.OTHER);
		assertThat(CustomerReply.classify("It is not solved")).isEqualTo(CustomerReply.Intent.OTHER);
		assertThat(CustomerReply.classify("Gracias, pero sigue sin funcionar")).isEqualTo(CustomerReply.Intent.OTHER);
		assertThat(CustomerReply.classify("thanks " + "a".repeat(200))).isEqualTo(CustomerReply.Intent.OTHER);
		assertThat(CustomerReply.classify(null)).isEqualTo(CustomerReply.Intent.OTHER);
	}

}

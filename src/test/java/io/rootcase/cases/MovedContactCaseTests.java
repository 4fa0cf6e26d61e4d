package io.rootcase.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.rootcase.cases.CaseHistory.Transition;
import io.rootcase.shared.Channel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a case does when an agent moves a contact in or out of it, or merges it with
 * another case of the customer.
 */
class MovedContactCaseTests {

	private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

	private final UUID customer = UUID.randomUUID();

	private SupportCase opened() {
		SupportCase c = SupportCase.open(this.customer, Channel.EMAIL, "My router restarts", "support", null, T0);
		c.drainRecorded();
		c.drainEvents();
		return c;
	}

	@Test
	void aCaseOpenedForAMovedContactSaysWhoMovedItFromWhereAndWhy() {
		SupportCase c = SupportCase.openForMovedContact(this.customer, Channel.CHAT, "My bill doubled\nsince May",
				"support", "RC-12", " a billing matter ", "alice", T0);

		assertThat(c.snapshot().subject()).isEqualTo("My bill doubled");
		assertThat(c.snapshot().openedAt()).isEqualTo(T0);
		assertThat(c.drainRecorded()).singleElement().isInstanceOfSatisfying(Transition.class, t -> {
			assertThat(t.actor()).isEqualTo("alice");
			assertThat(t.reason()).isEqualTo("contact moved here from RC-12: a billing matter");
			assertThat(t.to()).isEqualTo(CaseStatus.NEW);
		});
	}

	@Test
	void aCaseWaitingOnTheCustomerOpensWhenTheirContactIsMovedInAndOthersKeepTheirStatus() {
		SupportCase waiting = opened();
		waiting.repliedToCustomer("alice", T0.plusSeconds(60));
		SupportCase fresh = opened();

		waiting.contactMovedIn("RC-7", null, "bob", T0.plusSeconds(120));
		fresh.contactMovedIn("RC-7", null, "bob", T0.plusSeconds(120));

		assertThat(waiting.status()).isEqualTo(CaseStatus.OPEN);
		assertThat(waiting.drainRecorded()).last()
			.isInstanceOfSatisfying(Transition.class,
					t -> assertThat(t.reason()).isEqualTo("customer's contact moved here from RC-7"));
		assertThat(fresh.status()).isEqualTo(CaseStatus.NEW);
		assertThat(fresh.drainRecorded()).isEmpty();
	}

	@Test
	void aClosedCaseTakesNoMovedContact() {
		SupportCase c = opened();
		c.changeStatus(CaseStatus.CLOSED, "spam", "alice", T0);

		assertThatThrownBy(() -> c.contactMovedIn("RC-7", null, "bob", T0)).isInstanceOf(CaseRuleViolation.class)
			.hasMessageContaining("closed case");
	}

	@Test
	void anActiveCaseLeftWithoutContactsClosesAndAnEndedOneStaysAsItIs() {
		SupportCase active = opened();
		SupportCase resolved = opened();
		resolved.proposeResolution("router reset", "alice", T0.plusSeconds(60));
		resolved.confirmResolution(T0.plusSeconds(90));

		assertThat(active.lastContactMovedOut("RC-9", "bob", T0.plusSeconds(120))).isTrue();
		assertThat(resolved.lastContactMovedOut("RC-9", "bob", T0.plusSeconds(120))).isFalse();

		assertThat(active.status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(active.drainRecorded()).last()
			.isInstanceOfSatisfying(Transition.class,
					t -> assertThat(t.reason()).isEqualTo("its only contact moved to RC-9"));
		assertThat(resolved.status()).isEqualTo(CaseStatus.RESOLVED);
	}

	/** The status changes the case recorded since the last call, added to the history. */
	private static List<Transition> kept(SupportCase c, List<Transition> history) {
		c.drainRecorded()
			.stream()
			.filter(Transition.class::isInstance)
			.map(Transition.class::cast)
			.forEach(history::add);
		return history;
	}

	@Test
	void aProposalReopenedByWordsMovedToAnotherCaseAwaitsTheCustomerAgainWithItsDates() {
		List<Transition> history = new ArrayList<>();
		SupportCase c = opened();
		c.proposeResolution("router replaced", "alice", T0.plusSeconds(60));
		c.confirmationReminderSent(T0.plusSeconds(120));
		Instant wordsAt = T0.plusSeconds(180);
		c.customerContacted("Why did my bill double?", wordsAt);
		assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
		assertThat(c.snapshot().resolution().reopenCount()).isEqualTo(1);
		UUID reopening = kept(c, history).getLast().id();

		assertThat(c.customerWordsMovedOut(history.getLast(), wordsAt, "RC-9", "bob", T0.plusSeconds(240))).isTrue();

		assertThat(c.status()).isEqualTo(CaseStatus.AWAITING_CONFIRMATION);
		ResolutionState resolution = c.snapshot().resolution();
		assertThat(resolution.proposedAt()).isEqualTo(T0.plusSeconds(60));
		assertThat(resolution.reminderSentAt()).isEqualTo(T0.plusSeconds(120));
		assertThat(resolution.reopenCount()).isZero();
		assertThat(c.snapshot().waitingSince()).isNull();
		assertThat(kept(c, history).getLast()).satisfies(t -> {
			assertThat(t.undoes()).isEqualTo(reopening);
			assertThat(t.actor()).isEqualTo("bob");
			assertThat(t.reason()).isEqualTo("the customer's message that brought the case back was moved to RC-9");
		});
	}

	@Test
	void aCaseWaitingOnTheCustomerWaitsAgainWhenTheAnswerItGotIsMovedToAnotherCase() {
		List<Transition> history = new ArrayList<>();
		SupportCase c = opened();
		c.repliedToCustomer("alice", T0.plusSeconds(60));
		c.customerContacted("Also, where is my parcel?", T0.plusSeconds(120));
		assertThat(c.snapshot().waitingSince()).isEqualTo(T0.plusSeconds(120));

		assertThat(c.customerWordsMovedOut(kept(c, history).getLast(), T0.plusSeconds(120), "RC-9", "bob",
				T0.plusSeconds(180)))
			.isTrue();

		assertThat(c.status()).isEqualTo(CaseStatus.WAITING_ON_CUSTOMER);
		assertThat(c.snapshot().waitingSince()).isNull();
	}

	@Test
	void aCaseStaysAsItIsWhenTheMovedWordsAreNotWhatBroughtItBackOrItMovedOnSince() {
		SupportCase fresh = SupportCase.open(this.customer, Channel.EMAIL, "My router restarts", "support", null, T0);
		assertThat(fresh.customerWordsMovedOut(kept(fresh, new ArrayList<>()).getLast(), T0, "RC-9", "bob", T0))
			.isFalse();

		List<Transition> answered = new ArrayList<>();
		SupportCase replied = opened();
		replied.repliedToCustomer("alice", T0.plusSeconds(60));
		replied.customerContacted("Also, where is my parcel?", T0.plusSeconds(120));
		replied.repliedToCustomer("alice", T0.plusSeconds(150));
		assertThat(replied.customerWordsMovedOut(kept(replied, answered).getLast(), T0.plusSeconds(120), "RC-9", "bob",
				T0.plusSeconds(180)))
			.isFalse();

		List<Transition> other = new ArrayList<>();
		SupportCase earlier = opened();
		earlier.repliedToCustomer("alice", T0.plusSeconds(60));
		earlier.customerContacted("It restarted again", T0.plusSeconds(120));
		// Moved: a later message of theirs, not the one that brought the case back.
		assertThat(earlier.customerWordsMovedOut(kept(earlier, other).getLast(), T0.plusSeconds(130), "RC-9", "bob",
				T0.plusSeconds(180)))
			.isFalse();
		assertThat(earlier.status()).isEqualTo(CaseStatus.OPEN);
		assertThat(earlier.drainRecorded()).isEmpty();
	}

	@Test
	void aPredictedReasonIsWithdrawnAndOneAnAgentChoseStays() {
		SupportCase predicted = opened();
		predicted.reasonPredicted("billing", T0);
		SupportCase chosen = opened();
		chosen.reasonChosen("billing", "alice", T0);

		assertThat(predicted.predictedReasonWithdrawn(T0)).isTrue();
		assertThat(chosen.predictedReasonWithdrawn(T0)).isFalse();

		assertThat(predicted.snapshot().diagnosis().contactReason()).isNull();
		assertThat(predicted.drainEvents()).last().isInstanceOf(CaseEvents.CaseReasonWithdrawn.class);
		assertThat(chosen.snapshot().diagnosis().contactReason()).isEqualTo("billing");
	}

	@Test
	void aMergedCaseClosesSayingWhereItWentWhoMergedItAndWhy() {
		SupportCase c = opened();

		UUID into = UUID.randomUUID();
		c.mergedInto(into, "RC-3", " same router fault ", "alice", T0.plusSeconds(60));

		assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(c.snapshot().mergedIntoId()).isEqualTo(into);
		assertThat(c.drainRecorded()).last().isInstanceOfSatisfying(Transition.class, t -> {
			assertThat(t.actor()).isEqualTo("alice");
			assertThat(t.reason()).isEqualTo("merged into RC-3: same router fault");
		});
	}

	@Test
	void onlyACaseThatIsNewOpenOrWaitingOnTheCustomerCanBeMerged() {
		SupportCase awaiting = opened();
		awaiting.proposeResolution("router reset", "alice", T0.plusSeconds(60));
		SupportCase resolved = opened();
		resolved.proposeResolution("router reset", "alice", T0.plusSeconds(60));
		resolved.confirmResolution(T0.plusSeconds(90));
		SupportCase closed = opened();
		closed.changeStatus(CaseStatus.CLOSED, "spam", "alice", T0.plusSeconds(60));

		for (SupportCase c : List.of(awaiting, resolved, closed)) {
			CaseStatus before = c.status();
			assertThatThrownBy(() -> c.mergedInto(UUID.randomUUID(), "RC-3", null, "bob", T0.plusSeconds(120)))
				.isInstanceOf(CaseRuleViolation.class)
				.hasMessageContaining("can be merged");
			assertThat(c.status()).isEqualTo(before);
		}
	}

	@Test
	void aCaseWaitingOnTheCustomerOpensWhenAnotherIsMergedIntoItAndTakesItsLatestActivity() {
		SupportCase waiting = opened();
		waiting.repliedToCustomer("alice", T0.plusSeconds(60));
		waiting.drainRecorded();

		waiting.caseMergedIn(activeAt(T0.plusSeconds(600)), "RC-8", "same fault", "bob", T0.plusSeconds(700));
		waiting.caseMergedIn(activeAt(T0), "RC-9", null, "bob", T0.plusSeconds(800));

		assertThat(waiting.status()).isEqualTo(CaseStatus.OPEN);
		assertThat(waiting.drainRecorded()).singleElement()
			.isInstanceOfSatisfying(Transition.class,
					t -> assertThat(t.reason()).isEqualTo("customer's contacts moved here with RC-8: same fault"));
		// The earlier case's older activity does not take the latest back.
		assertThat(waiting.lastActivityAt()).isEqualTo(T0.plusSeconds(600));
	}

	@Test
	void aClosedCaseTakesNoMergedCase() {
		SupportCase c = opened();
		c.changeStatus(CaseStatus.CLOSED, "spam", "alice", T0);

		assertThatThrownBy(() -> c.caseMergedIn(opened(), "RC-7", null, "bob", T0))
			.isInstanceOf(CaseRuleViolation.class)
			.hasMessageContaining("closed case");
	}

	@Test
	void aCaseNobodyHoldsTakesTheAgentOfTheCaseMergedIntoItWithoutCountingAHandover() {
		SupportCase held = opened();
		held.handOver("finance", "fiona", null, "maria", T0);
		SupportCase unassigned = opened();
		unassigned.drainRecorded();

		unassigned.caseMergedIn(held, "RC-8", null, "bob", T0.plusSeconds(60));

		assertThat(unassigned.snapshot().assignee()).isEqualTo("fiona");
		assertThat(unassigned.snapshot().team()).isEqualTo("finance");
		assertThat(unassigned.snapshot().handoverCount()).isZero();
		assertThat(unassigned.drainRecorded()).singleElement()
			.isInstanceOfSatisfying(CaseHistory.Handover.class,
					h -> assertThat(h.note()).isEqualTo("took the customer's matter with RC-8"));
	}

	@Test
	void aCaseSomeoneHoldsKeepsThemWhenAnotherIsMergedIntoIt() {
		SupportCase held = opened();
		held.handOver("finance", "fiona", null, "maria", T0);
		SupportCase mine = opened();
		mine.handOver(null, "alice", null, "alice", T0);
		mine.drainRecorded();

		mine.caseMergedIn(held, "RC-8", null, "bob", T0.plusSeconds(60));

		assertThat(mine.snapshot().assignee()).isEqualTo("alice");
		assertThat(mine.drainRecorded()).isEmpty();
	}

	@Test
	void aCaseNotYetDiagnosedTakesTheRootCauseFoundOnTheCaseMergedIntoIt() {
		SupportCase diagnosed = opened();
		diagnosed.rootCauseFound(RootCauseState.SUSPECTED, "router_firmware_watchdog", T0);
		SupportCase fresh = opened();

		fresh.caseMergedIn(diagnosed, "RC-8", null, "bob", T0.plusSeconds(60));

		assertThat(fresh.snapshot().diagnosis().rootCauseState()).isEqualTo(RootCauseState.SUSPECTED);
		assertThat(fresh.snapshot().diagnosis().rootCauseKey()).isEqualTo("router_firmware_watchdog");
		assertThat(fresh.drainEvents()).singleElement()
			.isInstanceOfSatisfying(CaseEvents.CaseRootCauseFound.class,
					e -> assertThat(e.causeKey()).isEqualTo("router_firmware_watchdog"));
		assertThat(fresh.snapshot().lastActivityAt()).as("a merge is not the customer's activity")
			.isEqualTo(diagnosed.snapshot().lastActivityAt());
	}

	@Test
	void aCaseWithAFindingOfItsOwnKeepsItWhenAnotherIsMergedIntoIt() {
		SupportCase diagnosed = opened();
		diagnosed.rootCauseFound(RootCauseState.KNOWN, "router_firmware_watchdog", T0);
		SupportCase unknown = opened();
		unknown.rootCauseFound(RootCauseState.UNKNOWN, null, T0);
		unknown.drainEvents();
		SupportCase undiagnosed = opened();
		undiagnosed.rootCauseFound(RootCauseState.UNKNOWN, null, T0);
		SupportCase fresh = opened();

		unknown.caseMergedIn(diagnosed, "RC-8", null, "bob", T0.plusSeconds(60));
		fresh.caseMergedIn(undiagnosed, "RC-9", null, "bob", T0.plusSeconds(60));

		assertThat(unknown.snapshot().diagnosis().rootCauseState()).isEqualTo(RootCauseState.UNKNOWN);
		assertThat(unknown.drainEvents()).isEmpty();
		assertThat(fresh.snapshot().diagnosis().rootCauseState()).as("an unknown cause comes with its diagnosis")
			.isEqualTo(RootCauseState.UNDIAGNOSED);
	}

	private SupportCase activeAt(Instant lastActivity) {
		SupportCase c = opened();
		c.customerContacted("again", lastActivity);
		return c;
	}

}

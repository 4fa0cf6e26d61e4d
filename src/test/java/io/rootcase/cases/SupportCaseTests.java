package io.rootcase.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.rootcase.cases.CaseEvents.CaseHandedOver;
import io.rootcase.cases.CaseEvents.CaseStatusChanged;
import io.rootcase.cases.CaseHistory.Action;
import io.rootcase.cases.CaseHistory.Handover;
import io.rootcase.cases.CaseHistory.Transition;
import io.rootcase.shared.Channel;
import io.rootcase.shared.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupportCaseTests {

	private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

	private final UUID customer = UUID.randomUUID();

	private SupportCase opened() {
		SupportCase c = SupportCase.open(this.customer, Channel.EMAIL, "My internet drops every evening\nsince Monday",
				"support", null, T0);
		c.drainRecorded();
		c.drainEvents();
		return c;
	}

	@Test
	void aNewCaseTakesItsSubjectFromTheFirstLineAndRecordsItsOpening() {
		SupportCase c = SupportCase.open(this.customer, Channel.PHONE, "  \nNo TV signal\nmore", "support", null, T0);
		assertThat(c.snapshot().subject()).isEqualTo("No TV signal");
		assertThat(c.status()).isEqualTo(CaseStatus.NEW);
		assertThat(c.drainRecorded()).singleElement()
			.isInstanceOfSatisfying(Transition.class, t -> assertThat(t.to()).isEqualTo(CaseStatus.NEW));
		assertThat(c.drainEvents()).singleElement().isInstanceOf(CaseEvents.CaseOpened.class);
	}

	@Test
	void aReplyMakesTheCaseWaitOnTheCustomerAndTheirAnswerBringsItBack() {
		SupportCase c = opened();
		c.repliedToCustomer("alice", T0.plusSeconds(60));
		assertThat(c.status()).isEqualTo(CaseStatus.WAITING_ON_CUSTOMER);
		c.customerContacted("hello", T0.plusSeconds(120));
		assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
		assertThat(c.lastActivityAt()).isEqualTo(T0.plusSeconds(120));
		assertThat(c.drainEvents()).filteredOn(CaseStatusChanged.class::isInstance).hasSize(2);
	}

	@Test
	void aCustomerWritingAgainReopensAResolvedCaseWithTheReasonRecorded() {
		SupportCase c = opened();
		c.proposeResolution("router reset", "alice", T0.plusSeconds(60));
		c.confirmResolution(T0.plusSeconds(90));
		c.drainRecorded();
		c.customerContacted("hello", T0.plusSeconds(3600));
		assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
		assertThat(c.drainRecorded()).singleElement()
			.isInstanceOfSatisfying(Transition.class,
					t -> assertThat(t.reason()).isEqualTo("customer contacted again after resolution"));
	}

	@Test
	void aClosedCaseRefusesContactsActionsHandoversAndTransitions() {
		SupportCase c = opened();
		c.changeStatus(CaseStatus.CLOSED, "spam", "alice", T0);
		assertThat(c.snapshot().closedAt()).isEqualTo(T0);
		assertThatThrownBy(() -> c.customerContacted("hello", T0)).isInstanceOf(CaseRuleViolation.class);
		assertThatThrownBy(() -> c.recordAction(ActionKind.CURATIVE, "x", 1, null, null, "alice", T0))
			.isInstanceOf(CaseRuleViolation.class);
		assertThatThrownBy(() -> c.handOver("support", "bob", null, "alice", T0)).isInstanceOf(CaseRuleViolation.class);
		assertThatThrownBy(() -> c.changeStatus(CaseStatus.OPEN, null, "alice", T0))
			.isInstanceOf(CaseRuleViolation.class)
			.hasMessage("a case that is closed cannot become open");
	}

	@Test
	void closingNeedsAReason() {
		assertThatThrownBy(() -> opened().changeStatus(CaseStatus.CLOSED, " ", "alice", T0))
			.isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void onlyListedTransitionsExist() {
		assertThat(CaseStatus.NEW.canMoveTo(CaseStatus.OPEN)).isTrue();
		assertThat(CaseStatus.RESOLVED.canMoveTo(CaseStatus.WAITING_ON_CUSTOMER)).isFalse();
		assertThat(CaseStatus.CLOSED.next()).isEmpty();
		assertThatThrownBy(() -> opened().changeStatus(CaseStatus.NEW, null, "alice", T0))
			.isInstanceOf(CaseRuleViolation.class);
	}

	@Test
	void recordingAnActionStartsWorkOnANewCaseAndKeepsItsKindAndMinutes() {
		SupportCase c = opened();
		c.recordAction(ActionKind.PALLIATIVE, "Remote router reset", 5, null, null, "alice", T0.plusSeconds(30));
		assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
		assertThat(c.drainRecorded()).filteredOn(Action.class::isInstance)
			.singleElement()
			.isInstanceOfSatisfying(Action.class, a -> {
				assertThat(a.kind()).isEqualTo(ActionKind.PALLIATIVE);
				assertThat(a.minutesSpent()).isEqualTo(5);
				assertThat(a.description()).isEqualTo("Remote router reset");
			});
	}

	@Test
	void anActionNeedsAKindADescriptionAndSensibleMinutes() {
		SupportCase c = opened();
		assertThatThrownBy(() -> c.recordAction(null, "x", 1, null, null, "alice", T0))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> c.recordAction(ActionKind.DIAGNOSTIC, "  ", 1, null, null, "alice", T0))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> c.recordAction(ActionKind.DIAGNOSTIC, "line test", -1, null, null, "alice", T0))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(
				() -> c.recordAction(ActionKind.DIAGNOSTIC, "line test", 24 * 60 + 1, null, null, "alice", T0))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> c.recordAction(ActionKind.DIAGNOSTIC, "x".repeat(4001), 1, null, null, "alice", T0))
			.isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void pickingUpAnUnassignedCaseIsNotAHandoverButPassingItOnIs() {
		SupportCase c = opened();
		c.handOver("support", "alice", null, "alice", T0);
		assertThat(c.handoverCount()).isZero();
		c.handOver("finance", "fiona", "billing question", "alice", T0.plusSeconds(10));
		c.handOver("support", "bob", null, "fiona", T0.plusSeconds(20));
		assertThat(c.handoverCount()).isEqualTo(2);
		assertThat(c.team()).isEqualTo("support");
		assertThat(c.assignee()).isEqualTo("bob");
		assertThat(c.drainRecorded()).filteredOn(Handover.class::isInstance).hasSize(3);
		assertThat(c.drainEvents()).filteredOn(CaseHandedOver.class::isInstance)
			.extracting(e -> ((CaseHandedOver) e).countedAsHandover())
			.containsExactly(false, true, true);
	}

	@Test
	void handingOverToWhoeverHasTheCaseIsRefused() {
		SupportCase c = opened();
		c.handOver("support", "alice", null, "alice", T0);
		assertThatThrownBy(() -> c.handOver(null, "alice", null, "alice", T0)).isInstanceOf(CaseRuleViolation.class);
		assertThatThrownBy(() -> c.handOver(null, null, null, "alice", T0)).isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void aCaseWhoseAgentLeftGoesBackToItsTeamsQueueWithTheHandoverRecorded() {
		SupportCase c = opened();
		c.handOver("finance", "fiona", null, "alice", T0);
		c.drainRecorded();

		assertThat(c.returnFromAgentWhoLeft("fiona", "root", T0.plusSeconds(60))).isTrue();
		assertThat(c.team()).isEqualTo("finance");
		assertThat(c.assignee()).isNull();
		assertThat(c.drainRecorded()).singleElement()
			.isInstanceOfSatisfying(Handover.class,
					h -> assertThat(h.note()).isEqualTo("fiona left (deactivated); back to the team's queue"));
		assertThat(c.returnFromAgentWhoLeft("fiona", "root", T0.plusSeconds(90))).as("no longer theirs").isFalse();
	}

	@Test
	void aResolvedCaseOrAnotherAgentsCaseStaysWhereItIs() {
		SupportCase c = opened();
		c.handOver("support", "bob", null, "alice", T0);
		assertThat(c.returnFromAgentWhoLeft("fiona", "root", T0)).isFalse();
		c.proposeResolution("router reset", "bob", T0.plusSeconds(60));
		c.confirmResolution(T0.plusSeconds(90));
		assertThat(c.returnFromAgentWhoLeft("bob", "root", T0.plusSeconds(120))).isFalse();
		assertThat(c.assignee()).isEqualTo("bob");
	}

	@Test
	void longFirstLinesAreShortenedForTheSubject() {
		assertThat(SupportCase.subjectFrom("x".repeat(500))).hasSize(200).endsWith("…");
		assertThat(SupportCase.subjectFrom("   ")).isEqualTo("(no text)");
	}

	@Test
	void lastActivityNeverMovesBackwardsForLateArrivingHistory() {
		SupportCase c = opened();
		c.customerContacted("hello", T0.plus(Duration.ofHours(2)));
		c.customerContacted("hello", T0.plus(Duration.ofHours(1)));
		assertThat(c.lastActivityAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
	}

}

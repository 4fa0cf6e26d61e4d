package io.rootcase.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.TestFixtures;
import io.rootcase.cases.ActionKind;
import io.rootcase.cases.Cases;
import io.rootcase.cases.RootCauseState;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactReceipt;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The figures of a small, known history, in a period of its own (the clock moved far
 * ahead so no other test's cases fall in it).
 */
@RootcaseIntegrationTest
class MetricsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ContactIntake intake;

	@Autowired
	Cases cases;

	@Autowired
	TestClock clock;

	String contact(String email, String text) {
		return this.intake
			.receive(new IncomingContact(Channel.PHONE, Direction.INBOUND, this.clock.instant(), text,
					Map.of(IdentityKind.EMAIL, email), null, null, null, null))
			.caseReference();
	}

	ResultActions figures(Instant from, Instant to, String token) throws Exception {
		return this.mvc.perform(get("/api/metrics/resolution").param("from", from.toString())
			.param("to", to.toString())
			.param("channel", "phone")
			.header("Authorization", "Bearer " + token));
	}

	/**
	 * Moves the clock ahead, far enough that no other test's cases fall in the period
	 * that starts just before then.
	 */
	Instant periodAfter(Duration ahead) {
		this.clock.advance(ahead);
		return this.clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
	}

	@Test
	void theCasesAContactWasMovedOffAreTheShareThreadingGotWrong() throws Exception {
		// Further ahead than the other tests here go.
		Instant from = periodAfter(Duration.ofDays(1700));
		String dan = "metrics-dan-" + UUID.randomUUID() + "@example.com";
		String router = contact(dan, "My router restarts every night");
		ContactReceipt bill = this.intake
			.receive(new IncomingContact(Channel.PHONE, Direction.INBOUND, this.clock.instant(), "Also my bill doubled",
					Map.of(IdentityKind.EMAIL, dan), null, null, router, null));
		contact("metrics-eve-" + UUID.randomUUID() + "@example.com", "TV has no signal");

		this.intake.move(bill.contactId(), null, "a billing matter", "alice");

		figures(from, this.clock.instant().plus(Duration.ofHours(1)), TestFixtures.MANAGER_TOKEN)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cases").value(3))
			.andExpect(jsonPath("$.threadingCorrectionRate").value(1.0 / 3));
	}

	@Test
	void theFiguresOfAKnownHistory() throws Exception {
		Instant from = periodAfter(Duration.ofDays(800));
		String ana = "metrics-ana-" + UUID.randomUUID() + "@example.com";
		String relievedAndBack = contact(ana, "My internet keeps dropping every evening");
		this.cases.recordAction(relievedAndBack, ActionKind.PALLIATIVE, "Router reset", 5, "alice");
		this.cases.proposeResolution(relievedAndBack, "Reset", "alice", this.clock.instant());
		this.cases.confirmResolution(relievedAndBack, this.clock.instant());

		String cured = contact("metrics-ben-" + UUID.randomUUID() + "@example.com", "Charged twice for October");
		this.cases.recordRootCause(cured, RootCauseState.KNOWN, "billing_proration_bug");
		this.cases.proposeResolution(cured, "We looked at it", "fiona", this.clock.instant());
		this.cases.rejectResolution(cured, "Still charged twice", this.clock.instant());
		this.cases.recordAction(cured, ActionKind.CURATIVE, "Corrected the proration rule", 30, "billing_proration_bug",
				null, "fiona", this.clock.instant());
		this.cases.proposeResolution(cured, "Refunded and fixed the bill", "fiona", this.clock.instant());
		this.cases.confirmResolution(cured, this.clock.instant());

		String unconfirmed = contact("metrics-cy-" + UUID.randomUUID() + "@example.com", "TV has no signal");
		this.cases.recordAction(unconfirmed, ActionKind.PALLIATIVE, "Box restart", 5, "alice");
		this.cases.proposeResolution(unconfirmed, "Restarted your box", "alice", this.clock.instant());
		this.cases.closeUnconfirmed(unconfirmed, this.clock.instant());

		String again = contact(ana, "Internet dropping again every evening");
		contact(ana, "Any news? It dropped again tonight");
		this.cases.recordAction(again, ActionKind.PALLIATIVE, "Channel change", 15, "bob");
		Instant to = this.clock.instant().plus(Duration.ofHours(1));

		figures(from, to, TestFixtures.MANAGER_TOKEN).andExpect(status().isOk())
			.andExpect(jsonPath("$.cases").value(4))
			.andExpect(jsonPath("$.cured").value(1))
			.andExpect(jsonPath("$.relieved").value(2))
			.andExpect(jsonPath("$.unexplained").value(0))
			.andExpect(jsonPath("$.confirmedResolutions").value(2))
			.andExpect(jsonPath("$.unconfirmedClosures").value(1))
			.andExpect(jsonPath("$.resolvedOnBehalf").value(0))
			.andExpect(jsonPath("$.reopenRate").value(0.25))
			.andExpect(jsonPath("$.recurrenceAfterPalliativeRate").value(0.5))
			.andExpect(jsonPath("$.repeatContactRate").value(0.25))
			.andExpect(jsonPath("$.meanHandovers").value(0.0))
			.andExpect(jsonPath("$.threadingCorrectionRate").value(0.0))
			.andExpect(jsonPath("$.meanContactsPerResolvedProblem").value(1.0))
			.andExpect(jsonPath("$.recurrenceMinutes").value(15));

		this.mvc
			.perform(get("/api/metrics/resolution/breakdown").param("from", from.toString())
				.param("to", to.toString())
				.param("by", "agent")
				.param("channel", "phone")
				.header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		this.mvc
			.perform(get("/api/metrics/resolution/breakdown").param("from", from.toString())
				.param("to", to.toString())
				.param("by", "team")
				.param("channel", "phone")
				.header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN))
			.andExpect(jsonPath("$.support.cases").value(4))
			.andExpect(jsonPath("$.support.cured").value(1));
		this.mvc
			.perform(get("/api/metrics/resolution/series").param("from", from.toString())
				.param("to", to.toString())
				.param("bucket", "PT1H")
				.param("channel", "phone")
				.header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(3))
			.andExpect(jsonPath("$[0].cases").value(0));
	}

	@Test
	void howLongCustomersWaitedForAnAnswerAndForTheirConfirmation() throws Exception {
		Instant from = periodAfter(Duration.ofDays(1000));
		String ana = contact("metrics-ana-" + UUID.randomUUID() + "@example.com", "My internet keeps dropping");
		this.clock.advance(Duration.ofMinutes(30));
		this.intake.reply(ana, "We are looking at your line", "alice");
		this.cases.recordAction(ana, ActionKind.PALLIATIVE, "Router reset", 5, "alice");
		this.cases.proposeResolution(ana, "Reset", "alice", this.clock.instant());
		this.clock.advance(Duration.ofHours(2));
		this.cases.confirmResolution(ana, this.clock.instant());

		String ben = contact("metrics-ben-" + UUID.randomUUID() + "@example.com", "Charged twice for October");
		this.clock.advance(Duration.ofMinutes(90));
		this.intake.reply(ben, "We are checking the bill", "fiona");

		contact("metrics-cy-" + UUID.randomUUID() + "@example.com", "TV has no signal");

		// We wrote first; the customer's question an hour later is what waits for an
		// answer.
		String eve = "metrics-eve-" + UUID.randomUUID() + "@example.com";
		String told = this.intake
			.receive(new IncomingContact(Channel.PHONE, Direction.OUTBOUND, this.clock.instant(),
					"Your engineer comes on Monday", Map.of(IdentityKind.EMAIL, eve), null, null, null, "alice"))
			.caseReference();
		this.clock.advance(Duration.ofHours(1));
		this.intake.receive(new IncomingContact(Channel.PHONE, Direction.INBOUND, this.clock.instant(),
				"Can the engineer come in the afternoon?", Map.of(IdentityKind.EMAIL, eve), null, null, told, null));
		this.clock.advance(Duration.ofMinutes(10));
		this.intake.reply(told, "Yes, after two", "alice");

		figures(from, this.clock.instant().plus(Duration.ofHours(1)), TestFixtures.MANAGER_TOKEN)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cases").value(4))
			.andExpect(jsonPath("$.firstReply.cases").value(3))
			.andExpect(jsonPath("$.firstReply.medianMinutes").value(closeTo(30.0, 0.1)))
			// The clock is the real one moved ahead, so each time is off by a few
			// milliseconds.
			// p90: between the second (30) and third (90) of three, four fifths of the
			// way.
			.andExpect(jsonPath("$.firstReply.p90Minutes").value(closeTo(78.0, 0.1)))
			.andExpect(jsonPath("$.unanswered").value(1))
			// Phone is answered within an hour: Ana (30 min) and Eve (10) in time; Ben
			// (90) late, and Cy, unanswered for over an hour now, late too.
			.andExpect(jsonPath("$.firstReplyInTimeRate").value(0.5))
			.andExpect(jsonPath("$.customerConfirmed.cases").value(1))
			.andExpect(jsonPath("$.customerConfirmed.medianMinutes").value(closeTo(150.0, 0.1)))
			.andExpect(jsonPath("$.customerConfirmed.p90Minutes").value(closeTo(150.0, 0.1)));
	}

	@Test
	void timesTakenAreEmptyWhenNothingHappened() throws Exception {
		Instant from = periodAfter(Duration.ofDays(1100));
		figures(from, this.clock.instant().plus(Duration.ofHours(1)), TestFixtures.MANAGER_TOKEN)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.firstReply.cases").value(0))
			.andExpect(jsonPath("$.firstReply.medianMinutes").doesNotExist())
			.andExpect(jsonPath("$.unanswered").value(0))
			.andExpect(jsonPath("$.firstReplyInTimeRate").doesNotExist())
			.andExpect(jsonPath("$.customerConfirmed.cases").value(0));
	}

	@Test
	void aCuredCaseWhoseProblemCameBackCountsAgainstTheCures() throws Exception {
		Instant from = periodAfter(Duration.ofDays(900));
		String dan = "metrics-dan-" + UUID.randomUUID() + "@example.com";
		String back = cure(dan, "Charged twice for my October bill");
		cure("metrics-eve-" + UUID.randomUUID() + "@example.com", "Charged twice for my October bill");
		String again = contact(dan, "Charged twice for my bill again this month");
		Instant to = this.clock.instant().plus(Duration.ofHours(1));

		figures(from, to, TestFixtures.MANAGER_TOKEN).andExpect(status().isOk())
			.andExpect(jsonPath("$.cured").value(2))
			.andExpect(jsonPath("$.cureNotHeldRate").value(0.5));
		assertThat(this.cases.cureThatDidNotHold(this.cases.find(again).orElseThrow().id()))
			.hasValueSatisfying(cure -> assertThat(cure.caseReference()).isEqualTo(back));
	}

	private String cure(String email, String text) {
		String reference = contact(email, text);
		this.cases.recordRootCause(reference, RootCauseState.KNOWN, "billing_proration_bug");
		this.cases.recordAction(reference, ActionKind.CURATIVE, "Corrected the proration rule", 30,
				"billing_proration_bug", null, "fiona", this.clock.instant());
		this.cases.proposeResolution(reference, "Refunded and fixed the bill", "fiona", this.clock.instant());
		this.cases.confirmResolution(reference, this.clock.instant());
		return reference;
	}

	@Test
	void metricsAreForManagersAndBadPeriodsAreClearErrors() throws Exception {
		Instant now = Instant.now();
		figures(now.minus(Duration.ofDays(7)), now, TestFixtures.AGENT_TOKEN).andExpect(status().isForbidden());
		figures(now, now.minus(Duration.ofDays(7)), TestFixtures.MANAGER_TOKEN).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("from must be before to"));
		this.mvc
			.perform(get("/api/metrics/resolution/series").param("from", now.minus(Duration.ofDays(365)).toString())
				.param("to", now.toString())
				.param("bucket", "PT1H")
				.header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(get("/api/metrics/resolution").param("from", "yesterday")
				.param("to", now.toString())
				.header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN))
			.andExpect(status().isBadRequest());
	}

}

package io.rootcase.cases;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.TestFixtures;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RootcaseIntegrationTest
class RecurrenceApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ContactIntake intake;

	@Autowired
	Cases cases;

	@Autowired
	TestClock clock;

	final String email = "recur-" + UUID.randomUUID() + "@example.com";

	String contact(String text) {
		return this.intake
			.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND, this.clock.instant(), text,
					Map.of(IdentityKind.EMAIL, this.email), "Ines", null, null, null))
			.caseReference();
	}

	/** Relieved and confirmed: a router reset, and the customer said it worked. */
	void relieve(String reference, String repeatReason) {
		this.cases.recordAction(reference, ActionKind.PALLIATIVE, "Remote router reset", 5, null, null, repeatReason,
				"alice", this.clock.instant());
		this.cases.proposeResolution(reference, "We reset your router", "alice", this.clock.instant());
		this.cases.confirmResolution(reference, this.clock.instant());
	}

	@Test
	void aProblemComingBackAfterPalliativesIsChainedAndItsHistoryShown() throws Exception {
		String first = contact("My internet keeps dropping every evening around 9pm");
		relieve(first, null);
		this.clock.advance(Duration.ofDays(12));
		String second = contact("Internet dropping again every evening, I already restarted the router");
		assertThat(second).isNotEqualTo(first);
		this.cases.handOver(second, null, "bob", null, "alice");
		relieve(second, "the firmware fix is not out yet");
		this.clock.advance(Duration.ofDays(9));
		String third = contact("For the third time: the internet drops every evening");

		this.mvc
			.perform(get("/api/cases/" + third + "/recurrence").header("Authorization",
					"Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.times").value(3))
			.andExpect(jsonPath("$.days").value(21))
			.andExpect(jsonPath("$.palliativesTried[0].what").value("remote router reset"))
			.andExpect(jsonPath("$.palliativesTried[0].count").value(2))
			.andExpect(jsonPath("$.peopleExplainedTo").value(2))
			.andExpect(jsonPath("$.customerSaysSo").value(true))
			.andExpect(jsonPath("$.signal").value("similar_text"))
			.andExpect(jsonPath("$.chain[0].reference").value(first))
			.andExpect(jsonPath("$.chain[0].kind").value("relieved"));
		this.mvc
			.perform(get("/api/cases/" + first + "/recurrence").header("Authorization",
					"Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isNotFound());
	}

	@Test
	void repeatingAPalliativeAlreadyTriedNeedsAReason() throws Exception {
		String first = contact("My TV box says no signal on most channels");
		relieve(first, null);
		this.clock.advance(Duration.ofDays(3));
		String second = contact("TV box says no signal again on most channels");
		String action = "/api/cases/" + second + "/actions";
		this.mvc
			.perform(post(action).header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"palliative\",\"description\":\"Remote router reset\",\"minutesSpent\":5}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(
					"'remote router reset' was already tried 1 time(s) for this problem; say why it is worth repeating"));
		this.mvc
			.perform(post(action).header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"palliative\",\"description\":\"Remote router reset\",\"minutesSpent\":5,"
						+ "\"repeatReason\":\"customer asked for it while we wait for the fix\"}"))
			.andExpect(status().isOk());
		assertThat(this.cases.details(second).actions()).last()
			.satisfies(a -> assertThat(a.description())
				.isEqualTo("Remote router reset (repeated, because: customer asked for it while we wait for the fix)"));
	}

	@Test
	void afterTheWindowOrAfterACureANewContactIsANewProblem() {
		String first = contact("My internet keeps dropping every evening");
		relieve(first, null);
		this.clock.advance(Duration.ofDays(31));
		String late = contact("My internet keeps dropping every evening");
		assertThat(this.cases.recurrence(late)).isEmpty();
		assertThat(this.cases.find(late).orElseThrow().recurrenceOf()).isNull();
	}

	@Test
	void findingTheSameRootCauseLinksACaseDescribedDifferently() {
		String first = contact("Wifi is flaky upstairs");
		this.cases.recordRootCause(first, RootCauseState.KNOWN, "router_firmware_watchdog");
		relieve(first, null);
		this.clock.advance(Duration.ofDays(5));
		String second = contact("Video calls freeze at night");
		assertThat(this.cases.recurrence(second)).isEmpty();
		this.cases.recordRootCause(second, RootCauseState.KNOWN, "router_firmware_watchdog");
		assertThat(this.cases.recurrence(second)).hasValueSatisfying(r -> {
			assertThat(r.times()).isEqualTo(2);
			assertThat(r.signal()).isEqualTo(RecurrenceSignal.ROOT_CAUSE);
		});
	}

	@Test
	void theSameContactReasonLinksACaseDescribedDifferentlyOnceTheReasonArrives() {
		String first = contact("Wifi is flaky upstairs");
		this.cases.chooseReason(first, "internet_drops_evening", "alice");
		relieve(first, null);
		this.clock.advance(Duration.ofDays(5));
		String second = contact("Video calls freeze at night");
		assertThat(this.cases.recurrence(second)).isEmpty();

		this.cases.reasonPredicted(this.cases.find(second).orElseThrow().id(), "internet_drops_evening");

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.cases.recurrence(second)).hasValueSatisfying(r -> {
				assertThat(r.times()).isEqualTo(2);
				assertThat(r.signal()).isEqualTo(RecurrenceSignal.CONTACT_REASON);
			}));
	}

}

package io.rootcase.followups;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.TestFixtures;
import io.rootcase.cases.ActionKind;
import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.cases.RootCauseState;
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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RootcaseIntegrationTest
class FollowUpApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ContactIntake intake;

	@Autowired
	Cases cases;

	@Autowired
	FollowUps followUps;

	@Autowired
	TestClock clock;

	String newCase(String text) {
		return this.intake
			.receive(new IncomingContact(Channel.WEB, Direction.INBOUND, this.clock.instant(), text,
					Map.of(IdentityKind.EMAIL, "fu-" + UUID.randomUUID() + "@example.com"), null, null, null, null))
			.caseReference();
	}

	List<FollowUpView> of(String reference) throws InterruptedException {
		CaseView c = this.cases.find(reference).orElseThrow();
		long deadline = System.currentTimeMillis() + 10_000;
		List<FollowUpView> found = this.followUps.ofCases(List.of(c));
		while (found.isEmpty() && System.currentTimeMillis() < deadline) {
			Thread.sleep(50);
			found = this.followUps.ofCases(List.of(c));
		}
		return found;
	}

	@Test
	void aRelievedCaseGetsADidItHoldFollowUpAndACuredOneACheckIn() throws Exception {
		String relieved = newCase("Internet drops");
		this.cases.recordAction(relieved, ActionKind.PALLIATIVE, "Router reset", 5, "alice");
		this.cases.proposeResolution(relieved, "Reset", "alice", this.clock.instant());
		this.cases.confirmResolution(relieved, this.clock.instant());
		assertThat(of(relieved)).singleElement().satisfies(f -> {
			assertThat(f.kind()).isEqualTo(FollowUpKind.DID_IT_HOLD);
			assertThat(f.dueAt()).isAfter(this.clock.instant().plus(Duration.ofDays(13)));
			assertThat(f.overdue()).isFalse();
		});

		String cured = newCase("Charged twice");
		this.cases.recordRootCause(cured, RootCauseState.KNOWN, "billing_proration_bug");
		this.cases.recordAction(cured, ActionKind.CURATIVE, "Fixed the proration", 20, "fiona");
		this.cases.proposeResolution(cured, "Fixed", "fiona", this.clock.instant());
		this.cases.confirmResolution(cured, this.clock.instant());
		assertThat(of(cured)).singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(FollowUpKind.CHECK_IN));
	}

	@Test
	void theListCanStopAtADueTime() throws Exception {
		String reference = newCase("Remote control pairs then forgets");
		FollowUpView soon = this.followUps.schedule(reference, this.clock.instant().plus(Duration.ofDays(3)), "bob",
				"soon", "bob");
		FollowUpView late = this.followUps.schedule(reference, this.clock.instant().plus(Duration.ofDays(30)), "bob",
				"late", "bob");
		this.mvc
			.perform(get("/api/follow-ups").param("owner", "bob")
				.param("dueBefore", this.clock.instant().plus(Duration.ofDays(10)).toString())
				.param("limit", "500")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem(soon.id().toString())))
			.andExpect(jsonPath("$[*].id", not(hasItem(late.id().toString()))));
		this.mvc
			.perform(get("/api/follow-ups").param("dueBefore", "next tuesday")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anUnknownCauseIsFollowedUpUntilDiagnosedAndOverdueOnesAreFlagged() throws Exception {
		String unknown = newCase("Landline hums when it rains");
		this.cases.recordRootCause(unknown, RootCauseState.UNKNOWN, null);
		FollowUpView first = of(unknown).get(0);
		assertThat(first.kind()).isEqualTo(FollowUpKind.UNKNOWN_CAUSE);

		this.clock.advance(Duration.ofDays(8));
		assertThat(this.followUps.open(null, null, 500)).filteredOn(f -> f.id().equals(first.id()))
			.singleElement()
			.satisfies(f -> assertThat(f.overdue()).isTrue());
		this.mvc
			.perform(post("/api/follow-ups/" + first.id() + "/complete")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"outcome\":\"No new evidence; two similar cases in the unknown list\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.completedBy").value("api:test agent integration"));
		this.followUps.scheduleUnknownCauseLooks(500);
		assertThat(this.followUps.ofCases(List.of(this.cases.find(unknown).orElseThrow())))
			.filteredOn(f -> f.completedAt() == null)
			.singleElement()
			.satisfies(f -> assertThat(f.kind()).isEqualTo(FollowUpKind.UNKNOWN_CAUSE));
		this.mvc
			.perform(post("/api/follow-ups/" + first.id() + "/complete")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"outcome\":\"again\"}"))
			.andExpect(status().isConflict());
	}

	@Test
	void theLookAtAnUnknownCauseIsDoneWhenTheCauseBecomesKnown() throws Exception {
		String reference = newCase("Landline crackles at night");
		this.cases.recordRootCause(reference, RootCauseState.UNKNOWN, null);
		FollowUpView look = of(reference).get(0);

		this.cases.recordRootCause(reference, RootCauseState.KNOWN, "line_joint_corrosion");

		CaseView c = this.cases.find(reference).orElseThrow();
		long deadline = System.currentTimeMillis() + 10_000;
		while (this.followUps.ofCases(List.of(c)).get(0).completedAt() == null
				&& System.currentTimeMillis() < deadline) {
			Thread.sleep(50);
		}
		assertThat(this.followUps.ofCases(List.of(c))).singleElement().satisfies(f -> {
			assertThat(f.id()).isEqualTo(look.id());
			assertThat(f.completedBy()).isEqualTo("system");
			assertThat(f.outcome()).isEqualTo("The root cause is known now: line_joint_corrosion.");
		});
	}

	@Test
	void everyUnknownCauseIsLookedAtAgainEvenWhenTheRunsAreSmallerThanTheCasesWatched() throws Exception {
		List<String> unknown = List.of(newCase("Phone echoes on every call"), newCase("Phone echoes since Monday"));
		for (String reference : unknown) {
			this.cases.recordRootCause(reference, RootCauseState.UNKNOWN, null);
			this.mvc
				.perform(post("/api/follow-ups/" + of(reference).get(0).id() + "/complete")
					.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"outcome\":\"Nothing new yet\"}"))
				.andExpect(status().isOk());
		}
		// Runs of one: cases already watched must not take the place of those waiting.
		int runs = 0;
		while (this.followUps.scheduleUnknownCauseLooks(1) > 0) {
			runs++;
		}
		assertThat(runs).isGreaterThanOrEqualTo(2);
		for (String reference : unknown) {
			assertThat(this.followUps.ofCases(List.of(this.cases.find(reference).orElseThrow())))
				.filteredOn(f -> f.completedAt() == null)
				.singleElement()
				.satisfies(f -> assertThat(f.kind()).isEqualTo(FollowUpKind.UNKNOWN_CAUSE));
		}
	}

	@Test
	void agentsScheduleFollowUpsByHandAndCompletingOneCanTellTheCustomer() throws Exception {
		String reference = newCase("Router lights blink orange");
		this.mvc
			.perform(post("/api/cases/" + reference + "/follow-ups")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"dueAt\":\"" + this.clock.instant().plus(Duration.ofDays(2))
						+ "\",\"owner\":\"nobody-here\",\"note\":\"Call back\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("owner"));
		String body = this.mvc
			.perform(post("/api/cases/" + reference + "/follow-ups")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"dueAt\":\"" + this.clock.instant().plus(Duration.ofDays(2))
						+ "\",\"owner\":\"alice\",\"note\":\"Call back after the firmware push\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("manual"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		this.mvc
			.perform(get("/api/follow-ups").param("owner", "alice")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].note").value("Call back after the firmware push"));
		this.mvc.perform(post("/api/follow-ups/" + id + "/complete")
			.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"outcome\":\"The firmware is pushed; tell us if the lights blink again.\",\"tellCustomer\":true}"))
			.andExpect(status().isOk());
		CaseView c = this.cases.find(reference).orElseThrow();
		assertThat(this.intake.ofCase(c.id())).last()
			.satisfies(
					m -> assertThat(m.text()).isEqualTo("The firmware is pushed; tell us if the lights blink again."));
	}

}

package io.rootcase.cases;

import java.time.Duration;
import java.time.Instant;
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
import io.rootcase.staff.Staff;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Customers waiting for our answer, by the answer targets of application.properties: chat
 * 10 minutes, e-mail 8 hours.
 */
@RootcaseIntegrationTest
class AnswerDueApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ContactIntake intake;

	@Autowired
	Cases cases;

	@Autowired
	Staff staff;

	@Autowired
	TestClock clock;

	/** A case of the team's, opened by the customer's message that long ago. */
	String waiting(String team, Channel channel, Duration ago) {
		String reference = this.intake
			.receive(new IncomingContact(channel, Direction.INBOUND, this.clock.instant().minus(ago), "Where is it?",
					Map.of(IdentityKind.EMAIL, "due-" + UUID.randomUUID() + "@example.com"), null, null, null, null))
			.caseReference();
		this.cases.handOver(reference, team, null, null, "maria");
		return reference;
	}

	ResultActions queue(String team, String... more) throws Exception {
		var request = get("/api/cases").param("team", team).param("order", "answer_due_first");
		for (int i = 0; i < more.length; i += 2) {
			request.param(more[i], more[i + 1]);
		}
		return this.mvc.perform(request.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isOk());
	}

	@Test
	void theQueueShowsWhenEachAnswerIsDueTheMostOverdueFirstAndCanShowOnlyTheOverdue() throws Exception {
		String team = "due" + UUID.randomUUID().toString().substring(0, 8);
		this.staff.addTeam(team, "Answer due " + team);
		String chatThreeHoursAgo = waiting(team, Channel.CHAT, Duration.ofHours(3));
		String emailTenHoursAgo = waiting(team, Channel.EMAIL, Duration.ofHours(10));
		String emailThreeHoursAgo = waiting(team, Channel.EMAIL, Duration.ofHours(3));
		String answered = waiting(team, Channel.EMAIL, Duration.ofHours(20));
		this.intake.reply(answered, "It ships today", "alice");
		Instant opened = this.cases.find(chatThreeHoursAgo).orElseThrow().openedAt();

		queue(team).andExpect(header().string("X-Total-Count", "4"))
			.andExpect(jsonPath("$[*].reference")
				.value(contains(chatThreeHoursAgo, emailTenHoursAgo, emailThreeHoursAgo, answered)))
			.andExpect(jsonPath("$[0].waitingSince").value(opened.toString()))
			.andExpect(jsonPath("$[0].answerDueAt").value(opened.plus(Duration.ofMinutes(10)).toString()))
			.andExpect(jsonPath("$[3].waitingSince").doesNotExist())
			.andExpect(jsonPath("$[3].answerDueAt").doesNotExist());

		queue(team, "answerDueBefore", this.clock.instant().toString()).andExpect(header().string("X-Total-Count", "2"))
			.andExpect(jsonPath("$[*].reference").value(contains(chatThreeHoursAgo, emailTenHoursAgo)));
		queue(team, "answerDueBefore", this.clock.instant().plus(Duration.ofHours(6)).toString())
			.andExpect(header().string("X-Total-Count", "3"));
	}

	@Test
	void aMalformedDueTimeIsAClearError() throws Exception {
		this.mvc
			.perform(get("/api/cases").param("answerDueBefore", "tomorrow")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isBadRequest());
	}

}

package io.rootcase.console;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.followups.FollowUps;
import io.rootcase.intake.ContactIntake;
import io.rootcase.staff.Staff;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RootcaseIntegrationTest
class FollowUpConsoleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ContactIntake intake;

	@Autowired
	FollowUps followUps;

	@Autowired
	Staff staff;

	FollowUpFixtures fixtures() {
		return new FollowUpFixtures(this.staff, this.intake);
	}

	@Test
	void theQueueShowsWhatIsDueTodayAndCountsWhatComesLater() throws Exception {
		String agent = fixtures().newAgent();
		String reference = fixtures().newCase("Box reboots at night");
		Instant now = Instant.now();
		this.followUps.schedule(reference, now.minus(Duration.ofDays(2)), agent, "Overdue look", agent);
		this.followUps.schedule(reference, now.plus(Duration.ofDays(9)), agent, "Next week's look", agent);
		this.followUps.schedule(reference, now.plus(Duration.ofDays(20)), agent, "Later look", agent);

		this.mvc.perform(get("/follow-ups").with(user(agent).roles("AGENT")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 due by the end of today (1 overdue), 2 later.")))
			.andExpect(content().string(containsString("Overdue look")))
			.andExpect(content().string(not(containsString("Next week&#39;s look"))));
		this.mvc.perform(get("/follow-ups").param("when", "all").with(user(agent).roles("AGENT")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Overdue look")))
			.andExpect(content().string(containsString("Next week&#39;s look")))
			.andExpect(content().string(containsString("Later look")));
	}

	@Test
	void aLongQueueIsPagedFiftyAtATimeAndCompletingOneKeepsThePage() throws Exception {
		String agent = fixtures().newAgent();
		String reference = fixtures().newCase("Box reboots at night");
		Instant start = Instant.now().minus(Duration.ofDays(3));
		for (int i = 0; i < 55; i++) {
			this.followUps.schedule(reference, start.plus(Duration.ofMinutes(i)), agent, "Look number " + i, agent);
		}

		this.mvc.perform(get("/follow-ups").with(user(agent).roles("AGENT")))
			.andExpect(content().string(containsString("Follow-ups 1–50 of 55")))
			.andExpect(content().string(containsString("Look number 49<")))
			.andExpect(content().string(not(containsString("Look number 50<"))))
			.andExpect(content().string(containsString("&amp;page=2\" id=\"next-page\">")));
		this.mvc.perform(get("/follow-ups").param("page", "2").with(user(agent).roles("AGENT")))
			.andExpect(content().string(containsString("Follow-ups 51–55 of 55")))
			.andExpect(content().string(containsString("Look number 54<")))
			.andExpect(content().string(not(containsString("Look number 49<"))));
		this.mvc.perform(get("/follow-ups").param("page", "9").with(user(agent).roles("AGENT")))
			.andExpect(content().string(containsString("Follow-ups 51–55 of 55")));

		UUID last = this.followUps.open(agent, null, 1, 54).get(0).id();
		this.mvc
			.perform(post("/follow-ups/" + last + "/complete").param("outcome", "done")
				.param("page", "2")
				.with(user(agent).roles("AGENT"))
				.with(csrf()))
			.andExpect(redirectedUrl("/follow-ups?show=mine&when=now&page=2"));
	}

}

package io.rootcase.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestFixtures;
import io.rootcase.cases.Cases;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import io.rootcase.staff.Role;
import io.rootcase.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The queue a page at a time, and an agent's own cases: an agent with 55 cases of their
 * own sees them 50 and 5.
 */
@RootcaseIntegrationTest
class QueuePagingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ContactIntake intake;

	@Autowired
	Cases cases;

	@Autowired
	Staff staff;

	String agent;

	List<String> references = new ArrayList<>();

	@BeforeEach
	void anAgentWithFiftyFiveCases() {
		this.agent = "pager-" + UUID.randomUUID().toString().substring(0, 8);
		this.staff.addAgent(this.agent, "Paging Agent", TestFixtures.PASSWORD, Role.AGENT, "support");
		Instant start = Instant.now().minusSeconds(3600);
		for (int i = 0; i < 55; i++) {
			String reference = this.intake
				.receive(new IncomingContact(Channel.CHAT, Direction.INBOUND, start.plusSeconds(i),
						"Paging case " + i + " of " + this.agent,
						Map.of(IdentityKind.EMAIL, this.agent + "-" + i + "@example.com"), "Paged Customer " + i, null,
						null, null))
				.caseReference();
			this.cases.handOver(reference, "support", this.agent, null, "maria", start.plusSeconds(i));
			this.references.add(reference);
		}
	}

	@Test
	void anAgentsOwnCasesComeFiftyToAPageWithALinkToTheRest() throws Exception {
		String first = this.mvc.perform(get("/cases").param("assigned", "me").with(user(this.agent).roles("AGENT")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Cases 1–50 of 55")))
			.andExpect(content().string(containsString("Page 1 of 2")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first).contains(">" + this.references.get(0) + "<", ">" + this.references.get(49) + "<")
			.doesNotContain(">" + this.references.get(50) + "<")
			.contains("href=\"/cases?assigned=me&amp;page=2\"")
			.contains("hx-get=\"/cases?assigned=me&amp;page=2\" hx-target=\"#queue\"");

		String second = this.mvc
			.perform(get("/cases").param("assigned", "me")
				.param("page", "2")
				.header("HX-Request", "true")
				.with(user(this.agent).roles("AGENT")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("Cases 51–55 of 55")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second).contains(">" + this.references.get(50) + "<", ">" + this.references.get(54) + "<")
			.doesNotContain(">" + this.references.get(49) + "<")
			.contains("id=\"previous-page\"")
			.doesNotContain("id=\"next-page\"");
	}

	@Test
	void newestActivityFirstPutsTheLatestCaseOnTheFirstPage() throws Exception {
		this.mvc
			.perform(get("/cases").param("assigned", "me")
				.param("order", "NEWEST_ACTIVITY_FIRST")
				.with(user(this.agent).roles("AGENT")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">" + this.references.get(54) + "<")))
			.andExpect(content().string(not(containsString(">" + this.references.get(4) + "<"))));
	}

	@Test
	void casesAssignedToSomeoneAreNotAmongTheUnassigned() throws Exception {
		String unassigned = this.mvc
			.perform(get("/cases").param("assigned", "none")
				.param("channel", "CHAT")
				.param("order", "NEWEST_ACTIVITY_FIRST")
				.with(user(this.agent).roles("AGENT")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(this.references).noneMatch(reference -> unassigned.contains(">" + reference + "<"));
	}

	@Test
	void aPageBeyondTheLastShowsTheLast() throws Exception {
		this.mvc.perform(get("/cases").param("assigned", "me").param("page", "7").with(user(this.agent).roles("AGENT")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Cases 51–55 of 55")));
	}

}

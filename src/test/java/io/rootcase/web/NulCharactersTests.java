package io.rootcase.web;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.TestFixtures;
import io.rootcase.cases.Cases;
import io.rootcase.customers.CustomerDirectory;
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
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A NUL character (U+0000), which PostgreSQL cannot keep in a text: the API refuses it
 * with a 400, a CSV file holding one is refused at its line, and a form field loses it.
 * Nothing fails inside the database.
 */
@RootcaseIntegrationTest
class NulCharactersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CustomerDirectory customers;

	@Autowired
	ContactIntake intake;

	@Autowired
	Cases cases;

	@Autowired
	TestClock clock;

	final String email = "nul-" + UUID.randomUUID() + "@example.com";

	@Test
	void theApiRefusesATextHoldingOneAndStoresNothing() throws Exception {
		this.mvc
			.perform(post("/api/contacts").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"channel":"email","direction":"inbound","occurredAt":"%s","customer":{"email":"%s"},
						 "text":"My bill\\u0000 is wrong"}""".formatted(this.clock.instant(), this.email)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("NUL character")))
			.andExpect(jsonPath("$.detail", containsString("text")));

		assertThat(this.customers.search(this.email, 5)).isEmpty();
	}

	@Test
	void aCsvFileHoldingOneIsRefusedAtItsLine() throws Exception {
		this.mvc
			.perform(post("/api/contacts/import").header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN)
				.contentType("text/csv")
				.content("channel,direction,occurred_at,customer_email,text\n"
						+ "email,inbound,2026-09-01T09:00:00Z,%s,Fine\n".formatted(this.email)
						+ "email,inbound,2026-09-02T09:00:00Z,%s,Bro\u0000ken\n".formatted(this.email)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].position").value(3))
			.andExpect(jsonPath("$.errors[0].message", containsString("NUL character")));

		assertThat(this.customers.search(this.email, 5)).isEmpty();
	}

	@Test
	void aFormFieldLosesItAndTheRestIsKept() throws Exception {
		String reference = this.intake
			.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND,
					this.clock.instant().minus(Duration.ofMinutes(5)), "My box reboots",
					Map.of(IdentityKind.EMAIL, this.email), null, null, null, null))
			.caseReference();

		this.mvc
			.perform(post("/cases/" + reference + "/actions").with(user("alice").roles("AGENT"))
				.with(csrf())
				.param("kind", "palliative")
				.param("description", "Remote\u0000 reboot")
				.param("minutesSpent", "4"))
			.andExpect(status().is3xxRedirection());

		assertThat(this.cases.details(reference).actions()).singleElement()
			.satisfies(a -> assertThat(a.description()).isEqualTo("Remote reboot"));
	}

}

package io.rootcase.intake;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A contact as long as intake accepts is stored whole, with the event that tells the
 * other modules about it; one character more is refused with the limit.
 */
@RootcaseIntegrationTest
class LongestContactTests {

	static final int LONGEST = 100_000;

	@Autowired
	MockMvc mvc;

	ResultActions send(String text) throws Exception {
		return this.mvc.perform(post("/api/contacts").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"channel":"email","direction":"inbound","occurredAt":"2026-11-20T10:00:00Z",
					 "customer":{"email":"long-%s@example.com"},"text":"%s"}""".formatted(UUID.randomUUID(), text)));
	}

	static String textOf(int length) {
		return "My internet drops every evening. ".repeat(length / 33 + 1).substring(0, length);
	}

	@Test
	void aContactOfTheLongestTextAcceptedIsStoredWhole() throws Exception {
		String body = send(textOf(LONGEST)).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(body, "$.contactId");
		String stored = JsonPath.read(this.mvc
			.perform(get("/api/contacts/" + id).header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.text");
		org.assertj.core.api.Assertions.assertThat(stored).hasSize(LONGEST);
	}

	@Test
	void oneCharacterMoreIsRefusedWithTheLimit() throws Exception {
		send(textOf(LONGEST + 1)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("100000")));
	}

}

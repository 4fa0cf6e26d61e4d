package io.rootcase.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
class TimelineApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	JsonNode send(String channel, Map<String, String> customer, String text, Instant at) throws Exception {
		String body = this.json.writeValueAsString(Map.of("channel", channel, "direction", "inbound", "occurredAt",
				at.toString(), "customer", customer, "text", text));
		return this.json.readTree(
				this.mvc
					.perform(post("/api/contacts").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
						.contentType(MediaType.APPLICATION_JSON)
						.content(body))
					.andReturn()
					.getResponse()
					.getContentAsString());
	}

	JsonNode timeline(String customerId) throws Exception {
		return this.json.readTree(this.mvc
			.perform(get("/api/customers/" + customerId + "/timeline").header("Authorization",
					"Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void theTimelineShowsEveryChannelContactCaseAndActionInTimeOrder() throws Exception {
		String email = "tl-" + UUID.randomUUID() + "@example.com";
		Instant start = Instant.now().minus(Duration.ofHours(3));
		JsonNode first = send("phone", Map.of("email", email), "Customer called: evening drops", start);
		send("chat", Map.of("email", email), "still dropping tonight", start.plus(Duration.ofHours(1)));
		this.mvc
			.perform(post("/api/cases/" + first.get("caseReference").asString() + "/actions")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"palliative\",\"description\":\"Router reset\",\"minutesSpent\":4}"))
			.andExpect(status().isOk());

		JsonNode entries = timeline(first.get("customerId").asString()).get("entries");
		assertThat(entries.valueStream().map(e -> e.get("kind").asString())).containsSubsequence("case_opened",
				"contact", "contact", "action");
		assertThat(entries.valueStream()
			.filter(e -> e.get("kind").asString().equals("contact"))
			.map(e -> e.get("channel").asString())).containsExactly("phone", "chat");
		assertThat(entries.valueStream().map(e -> Instant.parse(e.get("occurredAt").asString()))).isSorted();
	}

	@Test
	void mergingTwoCustomersJoinsTheirTimelinesAndLosesNothing() throws Exception {
		Instant at = Instant.now().minus(Duration.ofHours(1));
		JsonNode byMail = send("email", Map.of("email", "m-" + UUID.randomUUID() + "@example.com"), "bill wrong", at);
		JsonNode bySocial = send("social", Map.of("socialHandle", "m" + UUID.randomUUID().toString().substring(0, 8)),
				"@NorthwindFibre my bill is wrong", at.plusSeconds(60));
		String survivor = byMail.get("customerId").asString();
		String merged = bySocial.get("customerId").asString();

		this.mvc
			.perform(post("/api/customers/" + survivor + "/merge")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mergeCustomerId\":\"" + merged + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.identities.length()").value(2));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode entries = timeline(survivor).get("entries");
			assertThat(entries.valueStream().filter(e -> e.get("kind").asString().equals("contact")).count())
				.isEqualTo(2);
		});
		assertThat(timeline(merged).get("customerId").asString()).as("the merged record shows the survivor")
			.isEqualTo(survivor);
		this.mvc
			.perform(post("/api/customers/" + survivor + "/merge")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mergeCustomerId\":\"" + merged + "\"}"))
			.andExpect(status().isConflict());
	}

	@Test
	void anUnknownCustomerIsNotFound() throws Exception {
		this.mvc.perform(get("/api/customers/" + UUID.randomUUID() + "/timeline").header("Authorization",
				"Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isNotFound());
	}

}

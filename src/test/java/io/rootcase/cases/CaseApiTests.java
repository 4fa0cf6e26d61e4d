package io.rootcase.cases;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RootcaseIntegrationTest
class CaseApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	String reference;

	@BeforeEach
	void aCaseFromAPhoneCall() throws Exception {
		String body = this.json.writeValueAsString(Map.of("channel", "phone", "direction", "inbound", "occurredAt",
				Instant.now().minusSeconds(30).toString(), "customer",
				Map.of("phone", "+1 202 555 " + (1000 + (int) (Math.random() * 8999))), "text",
				"Customer called: TV has no signal " + UUID.randomUUID()));
		String response = this.mvc
			.perform(post("/api/contacts").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.reference = this.json.readTree(response).get("caseReference").asString();
	}

	ResultActions postTo(String path, String body) throws Exception {
		return this.mvc.perform(post("/api/cases/" + this.reference + path)
			.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	@Test
	void actionsAreTypedAndRecordedWithWhoAndHowLong() throws Exception {
		postTo("/actions", "{\"kind\":\"palliative\",\"description\":\"Remote box restart\",\"minutesSpent\":7}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("open"));
		this.mvc
			.perform(get("/api/cases/" + this.reference).header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(jsonPath("$.actions[0].kind").value("palliative"))
			.andExpect(jsonPath("$.actions[0].minutesSpent").value(7))
			.andExpect(jsonPath("$.actions[0].actor").value("api:test agent integration"))
			.andExpect(jsonPath("$.transitions[*].to", hasItem("open")));
	}

	@Test
	void anUnknownActionKindOrMissingDescriptionIsABadRequest() throws Exception {
		postTo("/actions", "{\"kind\":\"magic\",\"description\":\"x\"}").andExpect(status().isBadRequest());
		postTo("/actions", "{\"kind\":\"curative\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("description"));
	}

	@Test
	void handoversAreRecordedAndCountedOnlyWhenAnAgentPassesTheCaseOn() throws Exception {
		postTo("/handover", "{\"agent\":\"alice\"}").andExpect(jsonPath("$.handoverCount").value(0))
			.andExpect(jsonPath("$.assignee").value("alice"));
		postTo("/handover", "{\"agent\":\"fiona\",\"note\":\"billing\"}")
			.andExpect(jsonPath("$.handoverCount").value(1))
			.andExpect(jsonPath("$.team").value("finance"));
		postTo("/handover", "{\"agent\":\"nobody\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("no agent 'nobody'"));
	}

	@Test
	void transitionsFollowTheLifecycleAndRefusalsChangeNothing() throws Exception {
		postTo("/status", "{\"status\":\"waiting_on_customer\",\"reason\":\"asked for router model\"}")
			.andExpect(status().isOk());
		postTo("/status", "{\"status\":\"resolved\",\"reason\":\"signal back\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", startsWith("only the customer confirms a resolution")));
		postTo("/status", "{\"status\":\"closed\"}").andExpect(status().isBadRequest());
		this.mvc
			.perform(get("/api/cases/" + this.reference).header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(jsonPath("$.summary.status").value("waiting_on_customer"));
		postTo("/status", "{\"status\":\"closed\",\"reason\":\"duplicate of another case\"}")
			.andExpect(status().isOk());
		postTo("/status", "{\"status\":\"open\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("a case that is closed cannot become open"));
	}

	@Test
	void theQueueFiltersByStatusChannelAndTeam() throws Exception {
		this.mvc
			.perform(get("/api/cases").param("channel", "phone")
				.param("status", "new")
				.param("limit", "500")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].reference", hasItem(this.reference)))
			.andExpect(jsonPath("$[*].channel", everyItem(is("phone"))));
		this.mvc
			.perform(get("/api/cases").param("team", "finance")
				.param("limit", "500")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(jsonPath("$[*].reference", not(hasItem(this.reference))));
		this.mvc
			.perform(get("/api/cases").param("olderThan", "PT1H")
				.param("limit", "500")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(jsonPath("$[*].reference", not(hasItem(this.reference))));
	}

	@Test
	void unknownCasesAndBadFiltersAreClearErrors() throws Exception {
		this.mvc.perform(get("/api/cases/RC-999999999").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/cases/banana").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("not a case reference")));
		this.mvc
			.perform(get("/api/cases").param("status", "pending")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(
					get("/api/cases").param("limit", "0").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isBadRequest());
	}

}

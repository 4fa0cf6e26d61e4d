package io.rootcase.cases;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestFixtures;
import io.rootcase.staff.Role;
import io.rootcase.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RootcaseIntegrationTest
class CaseApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	Staff staff;

	@Autowired
	io.rootcase.cases.Cases cases;

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
	void theQueueFiltersByContactReasons() throws Exception {
		String reason = "api_" + UUID.randomUUID().toString().substring(0, 8);
		String tvCase = this.reference;
		this.cases.chooseReason(tvCase, reason, "alice");
		aCaseFromAPhoneCall();
		this.cases.chooseReason(this.reference, reason + "_2", "alice");
		this.mvc
			.perform(get("/api/cases").param("reason", reason)
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Total-Count", "1"))
			.andExpect(jsonPath("$[0].reference").value(tvCase));
		this.mvc
			.perform(get("/api/cases").param("reason", reason, reason + "_2")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(header().string("X-Total-Count", "2"))
			.andExpect(jsonPath("$[*].contactReason", everyItem(org.hamcrest.Matchers.startsWith(reason))));
	}

	@Test
	void theQueueComesAPageAtATimeWithTheTotalInAHeader() throws Exception {
		String agent = "api-pager-" + UUID.randomUUID().toString().substring(0, 8);
		this.staff.addAgent(agent, null, TestFixtures.PASSWORD, Role.AGENT, "support");
		String unassignedCase = this.reference;
		for (int i = 0; i < 3; i++) {
			aCaseFromAPhoneCall();
			postTo("/handover", "{\"agent\":\"" + agent + "\"}").andExpect(status().isOk());
		}
		this.mvc
			.perform(get("/api/cases").param("assignee", agent)
				.param("limit", "2")
				.param("order", "newest_activity_first")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Total-Count", "3"))
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].reference").value(this.reference));
		this.mvc
			.perform(get("/api/cases").param("unassigned", "true")
				.param("order", "newest_activity_first")
				.param("limit", "500")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].assignee", everyItem(nullValue())))
			.andExpect(jsonPath("$[*].reference", hasItem(unassignedCase)))
			.andExpect(jsonPath("$[*].reference", not(hasItem(this.reference))));
	}

	@Test
	void theQueueFindsACaseByItsReferenceOrTheWordsOfItsSubject() throws Exception {
		String tvCase = this.reference;
		String marker = UUID.randomUUID().toString().substring(0, 8);
		String percent = caseFromAnEmail("Please refund 100% of " + marker);
		String thousand = caseFromAnEmail("Please refund 1000 of " + marker);
		this.mvc
			.perform(get("/api/cases").param("text", tvCase)
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Total-Count", "1"))
			.andExpect(jsonPath("$[0].reference").value(tvCase));
		this.mvc
			.perform(get("/api/cases").param("text", "REFUND 100% OF " + marker)
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(jsonPath("$[*].reference", contains(percent)));
		this.mvc
			.perform(get("/api/cases").param("text", "refund 100")
				.param("limit", "500")
				.param("order", "newest_activity_first")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(jsonPath("$[*].reference", hasItem(percent)))
			.andExpect(jsonPath("$[*].reference", hasItem(thousand)));
		this.mvc
			.perform(get("/api/cases").param("text", "x".repeat(201))
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("a search text has at most 200 characters"));
	}

	String caseFromAnEmail(String text) throws Exception {
		String body = this.json.writeValueAsString(Map.of("channel", "email", "direction", "inbound", "occurredAt",
				Instant.now().minusSeconds(30).toString(), "customer",
				Map.of("email", UUID.randomUUID() + "@example.com"), "text", text));
		String response = this.mvc
			.perform(post("/api/contacts").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().is2xxSuccessful())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(response).get("caseReference").asString();
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
		this.mvc
			.perform(get("/api/cases").param("assignee", "alice")
				.param("unassigned", "true")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("a case cannot be both assigned to alice and unassigned"));
		this.mvc
			.perform(get("/api/cases").param("order", "sideways")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isBadRequest());
	}

}

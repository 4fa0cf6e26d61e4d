package io.rootcase.cases;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.jayway.jsonpath.JsonPath;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What people write on a case (a reason, a note for the next person, the resolution the
 * customer reads) is taken up to its documented length and kept whole, also where a few
 * words of Rootcase's own go before it in the history; a longer text is a 400 that names
 * the limit and changes nothing.
 */
@RootcaseIntegrationTest
class TextLimitsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	Cases cases;

	String reference;

	String customer;

	@BeforeEach
	void aCaseFromAnEmail() throws Exception {
		this.customer = "limits-" + UUID.randomUUID() + "@example.com";
		this.reference = contact("My TV has no signal since this morning").get("caseReference");
	}

	Map<String, String> contact(String text) throws Exception {
		return contact(text, Map.of());
	}

	/** The contact's case reference and id. */
	Map<String, String> contact(String text, Map<String, String> more) throws Exception {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("channel", "email", "direction", "inbound",
				"occurredAt", Instant.now().minusSeconds(30).toString(), "customer", Map.of("email", this.customer),
				"text", text));
		body.putAll(more);
		String response = this.mvc
			.perform(post("/api/contacts").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var tree = this.json.readTree(response);
		return Map.of("caseReference", tree.get("caseReference").asString(), "contactId",
				tree.get("contactId").asString());
	}

	ResultActions agent(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			Map<String, String> body) throws Exception {
		return this.mvc.perform(request.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body)));
	}

	ResultActions send(String path, Map<String, String> body, String token) throws Exception {
		return this.mvc.perform(post("/api/cases/" + this.reference + path).header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body)));
	}

	CaseDetails details() {
		return this.cases.details(this.reference);
	}

	static void refused(ResultActions answer, String field, String message) throws Exception {
		answer.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.detail").value(message));
	}

	@Test
	void aStatusReasonIsKeptWholeUpToFourThousandCharacters() throws Exception {
		refused(send("/status", Map.of("status", "closed", "reason", "r".repeat(4001)), TestFixtures.AGENT_TOKEN),
				"reason", "a reason is at most 4000 characters");
		assertThat(details().summary().status()).isEqualTo(CaseStatus.NEW);

		send("/status", Map.of("status", "closed", "reason", "r".repeat(4000)), TestFixtures.AGENT_TOKEN)
			.andExpect(status().isOk());
		assertThat(details().transitions()).last().satisfies(t -> assertThat(t.reason()).hasSize(4000));
	}

	@Test
	void aRefusalQuotesALongValueShort() throws Exception {
		send("/handover", Map.of("team", "t".repeat(5000)), TestFixtures.AGENT_TOKEN).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("no team '" + "t".repeat(57) + "...'"));
	}

	@Test
	void aHandoverNoteIsKeptUpToAThousandCharacters() throws Exception {
		refused(send("/handover", Map.of("agent", "alice", "note", "n".repeat(1001)), TestFixtures.AGENT_TOKEN), "note",
				"a handover note is at most 1000 characters");
		assertThat(details().summary().assignee()).isNull();
		assertThat(details().handovers()).isEmpty();

		send("/handover", Map.of("agent", "alice", "note", "n".repeat(1000)), TestFixtures.AGENT_TOKEN)
			.andExpect(status().isOk());
		assertThat(details().handovers()).singleElement().satisfies(h -> assertThat(h.note()).hasSize(1000));
	}

	@Test
	void aResolutionNoteOfFourThousandCharactersIsProposedWholeAndALongerOneRefused() throws Exception {
		refused(send("/resolution", Map.of("note", "w".repeat(4001)), TestFixtures.AGENT_TOKEN), "note",
				"a resolution note is at most 4000 characters");
		assertThat(details().summary().status()).isEqualTo(CaseStatus.NEW);

		send("/resolution", Map.of("note", "w".repeat(4000)), TestFixtures.AGENT_TOKEN).andExpect(status().isOk());
		assertThat(details().summary().status()).isEqualTo(CaseStatus.AWAITING_CONFIRMATION);
		assertThat(details().transitions()).last()
			.satisfies(t -> assertThat(t.reason()).isEqualTo("resolution proposed: " + "w".repeat(4000)));
	}

	@Test
	void aManagersReasonToResolveOnTheCustomersBehalfIsHeldToFourThousandCharacters() throws Exception {
		refused(send("/resolution/on-behalf", Map.of("reason", "b".repeat(4001)), TestFixtures.MANAGER_TOKEN), "reason",
				"a reason is at most 4000 characters");
		assertThat(details().summary().status()).isEqualTo(CaseStatus.NEW);

		send("/resolution/on-behalf", Map.of("reason", "b".repeat(4000)), TestFixtures.MANAGER_TOKEN)
			.andExpect(status().isOk());
		assertThat(details().summary().status()).isEqualTo(CaseStatus.RESOLVED);
	}

	@Test
	void moveAndMergeReasonsOfAThousandCharactersFitBesideTheWordsRootcaseAddsToTheHistory() throws Exception {
		String contact = contact("Also, my bill is wrong this month", Map.of("caseReference", this.reference))
			.get("contactId");
		String moved = JsonPath
			.read(agent(post("/api/contacts/" + contact + "/move"), Map.of("reason", "v".repeat(1000)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.caseReference");
		assertThat(this.cases.details(moved).transitions())
			.anySatisfy(t -> assertThat(t.reason()).endsWith(": " + "v".repeat(1000)));

		agent(post("/api/cases/" + moved + "/merge"), Map.of("into", this.reference, "reason", "m".repeat(1000)))
			.andExpect(status().isOk());
		assertThat(this.cases.details(moved).transitions()).last()
			.satisfies(t -> assertThat(t.reason()).endsWith(": " + "m".repeat(1000)));
	}

}

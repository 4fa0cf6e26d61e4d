package io.rootcase.intake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RootcaseIntegrationTest
class ContactApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static Map<String, Object> contact(String channel, Map<String, Object> customer, String text, String externalId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", channel);
		body.put("direction", "inbound");
		body.put("occurredAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString());
		body.put("customer", customer);
		body.put("text", text);
		if (externalId != null) {
			body.put("externalId", externalId);
		}
		return body;
	}

	ResultActions send(Object body) throws Exception {
		return this.mvc.perform(post("/api/contacts").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body instanceof String s ? s : this.json.writeValueAsString(body)));
	}

	JsonNode sendOk(Object body) throws Exception {
		return this.json.readTree(send(body).andReturn().getResponse().getContentAsString());
	}

	long contacts() {
		return this.jdbc.sql("select count(*) from contacts").query(Long.class).single();
	}

	@Test
	void theDocumentedExampleCreatesACustomerACaseAndAContact() throws Exception {
		String email = unique("ana") + "@example.com";
		send(contact("email", Map.of("email", email), "My internet drops every evening", unique("msg")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/contacts/")))
			.andExpect(jsonPath("$.caseReference").value(org.hamcrest.Matchers.startsWith("RC-")))
			.andExpect(jsonPath("$.duplicate").value(false));
	}

	@Test
	void theEventsOfAContactAreNotKeptOnceEveryListenerHasHandledThem() throws Exception {
		String contactId = sendOk(contact("email", Map.of("email", unique("eve") + "@example.com"),
				"The router restarts every night", unique("msg")))
			.get("contactId")
			.asString();
		await().untilAsserted(
				() -> assertThat(this.jdbc.sql("select count(*) from event_publication where serialized_event like ?")
					.param("%" + contactId + "%")
					.query(Long.class)
					.single()).isZero());
	}

	@Test
	void theSameExternalIdAgainReturnsTheFirstResultAndStoresNothing() throws Exception {
		Map<String, Object> body = contact("email", Map.of("email", unique("dup") + "@example.com"), "hello",
				unique("msg"));
		JsonNode first = sendOk(body);
		long before = contacts();
		send(body).andExpect(status().isOk())
			.andExpect(jsonPath("$.contactId").value(first.get("contactId").asString()))
			.andExpect(jsonPath("$.caseId").value(first.get("caseId").asString()))
			.andExpect(jsonPath("$.duplicate").value(true));
		assertThat(contacts()).isEqualTo(before);
	}

	@Test
	void twentyConcurrentRetriesOfOneMessageStoreExactlyOneContact() throws Exception {
		String externalId = unique("race");
		Map<String, Object> body = contact("chat", Map.of("email", unique("race") + "@example.com"), "are you there?",
				externalId);
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Callable<JsonNode>> calls = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				calls.add(() -> sendOk(body));
			}
			List<String> contactIds = new ArrayList<>();
			for (Future<JsonNode> result : pool.invokeAll(calls)) {
				contactIds.add(result.get().get("contactId").asString());
			}
			assertThat(contactIds).hasSize(20).containsOnly(contactIds.get(0));
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc.sql("select count(*) from contacts where external_id = ?")
			.param(externalId)
			.query(Long.class)
			.single()).isOne();
		assertThat(this.jdbc
			.sql("select count(*) from customers c join customer_identities i on i.customer_id = c.id"
					+ " where i.identity_value = ?")
			.param(((Map<?, ?>) body.get("customer")).get("email"))
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aCustomerIsRecognisedByAnyOfTheirIdentitiesAcrossChannels() throws Exception {
		String email = unique("ben") + "@example.com";
		String account = "NW-" + (1000000 + (int) (Math.random() * 8999999));
		JsonNode byMail = sendOk(
				contact("email", Map.of("email", email, "accountNumber", account), "TV has no signal", unique("m")));
		JsonNode byPhone = sendOk(contact("phone", Map.of("accountNumber", account, "phone", "+1 202 555 0199"),
				"Calling about the TV again", unique("c")));
		assertThat(byPhone.get("customerId").asString()).isEqualTo(byMail.get("customerId").asString());
		assertThat(byPhone.get("caseId").asString()).as("same open case, other channel")
			.isEqualTo(byMail.get("caseId").asString());
	}

	@Test
	void anExplicitCaseReferenceWinsAndAReferenceToAnotherCustomersCaseIsRefused() throws Exception {
		JsonNode first = sendOk(contact("email", Map.of("email", unique("c1") + "@example.com"), "one", null));
		Map<String, Object> again = contact("web", Map.of("email", unique("c2") + "@example.com"), "two", null);
		again.put("caseReference", first.get("caseReference").asString());
		send(again).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("belongs to another customer")));
	}

	@Test
	void aContactAfterTheCaseWasResolvedReopensItAndAfterClosureStartsANewCase() throws Exception {
		String email = unique("reopen") + "@example.com";
		JsonNode first = sendOk(contact("email", Map.of("email", email), "bill too high", null));
		String ref = first.get("caseReference").asString();
		this.mvc
			.perform(post("/api/cases/" + ref + "/status").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\":\"closed\",\"reason\":\"credited\"}"))
			.andExpect(status().isOk());
		Map<String, Object> later = contact("email", Map.of("email", email), "the bill is wrong again", null);
		later.put("caseReference", ref);
		JsonNode second = sendOk(later);
		assertThat(second.get("caseId").asString()).isNotEqualTo(first.get("caseId").asString());
		this.mvc
			.perform(get("/api/cases/" + second.get("caseReference").asString()).header("Authorization",
					"Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(jsonPath("$.summary.followsCaseId").value(first.get("caseId").asString()));
	}

	@Test
	void badInputGetsAProblemDetailListingEveryProblemAndChangesNothing() throws Exception {
		long before = contacts();
		Map<String, Object> bad = new LinkedHashMap<>();
		bad.put("channel", "fax");
		bad.put("direction", "sideways");
		bad.put("occurredAt", Instant.now().plus(2, ChronoUnit.HOURS).toString());
		bad.put("customer", Map.of("email", "not-an-email", "phone", "12"));
		bad.put("text", "x".repeat(100_001));
		send(bad).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("channel",
					"direction", "occurredAt", "text", "customer.email", "customer.phone")));
		assertThat(contacts()).isEqualTo(before);
	}

	@Test
	void malformedJsonUnknownFieldsAndMissingFieldsAreRejected() throws Exception {
		send("{\"channel\": \"email\",").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		send("{\"channel\":\"email\",\"priority\":\"high\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("unknown field 'priority' (at priority)"));
		send("{\"channel\":\"email\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("direction", "occurredAt", "text", "customer")));
		send("{\"channel\":\"email\",\"direction\":\"inbound\",\"occurredAt\":\"yesterday\",\"text\":\"hi\","
				+ "\"customer\":{\"email\":\"a@example.com\"}}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("occurredAt"));
	}

	@Test
	void aBatchWithOneBadItemStoresNothingAndNamesTheItem() throws Exception {
		long before = contacts();
		List<Map<String, Object>> batch = List.of(
				contact("email", Map.of("email", unique("b1") + "@example.com"), "fine", unique("b")),
				contact("social", Map.of("socialHandle", "no spaces allowed"), "bad handle", unique("b")),
				contact("phone", Map.of("phone", "+1 202 555 0100"), "", unique("b")));
		this.mvc
			.perform(post("/api/contacts:batch").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(batch)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(2)))
			.andExpect(jsonPath("$.errors[0].position").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("customer.socialHandle"))
			.andExpect(jsonPath("$.errors[1].position").value(2))
			.andExpect(jsonPath("$.errors[1].field").value("text"));
		assertThat(contacts()).isEqualTo(before);
	}

	@Test
	void aValidBatchReturnsOneResultPerContactInOrder() throws Exception {
		String email = unique("batch") + "@example.com";
		List<Map<String, Object>> batch = List.of(contact("email", Map.of("email", email), "first", unique("b")),
				contact("chat", Map.of("email", email), "second", unique("b")));
		this.mvc
			.perform(post("/api/contacts:batch").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(batch)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.results", hasSize(2)))
			.andExpect(jsonPath("$.results[1].caseId").value(org.hamcrest.Matchers.notNullValue()));
	}

	@Test
	void theApiNeedsAValidTokenAndTheRightRole() throws Exception {
		this.mvc.perform(get("/api/cases"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/cases").header("Authorization", "Bearer rc_wrong_token_000000000000000"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/admin/tokens").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/admin/tokens").header("Authorization", "Bearer " + TestFixtures.ADMIN_TOKEN))
			.andExpect(status().isOk());
	}

}

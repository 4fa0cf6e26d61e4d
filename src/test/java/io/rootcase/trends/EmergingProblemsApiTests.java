package io.rootcase.trends;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.TestFixtures;
import io.rootcase.cases.Cases;
import io.rootcase.diagnosis.DiagnosisFixtures;
import io.rootcase.diagnosis.KnowledgeBases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A group of cases nobody could explain, proposed by the clustering, is decided by a
 * manager once: made a problem with its cases, a contact reason its cases take, or
 * dismissed with a reason.
 */
@RootcaseIntegrationTest
class EmergingProblemsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Cases cases;

	@Autowired
	TestClock clock;

	@Autowired
	KnowledgeBases knowledgeBases;

	@Autowired
	ApplicationContext context;

	List<String> members;

	UUID group;

	@BeforeEach
	void threeUnexplainedEchoCasesProposedAsAGroup() {
		ProposedGroup proposed = ProposedGroup.ofThreeEchoCases(this.context, this.clock.instant());
		this.group = proposed.id();
		this.members = proposed.members();
	}

	ResultActions asManager(MockHttpServletRequestBuilder request, String body) throws Exception {
		return this.mvc.perform(request.header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	String decide(String how) {
		return "/api/trends/emerging/" + this.group + "/" + how;
	}

	ResultActions listed(String state) throws Exception {
		return this.mvc.perform(get("/api/trends/emerging").param("state", state)
			.header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN));
	}

	@Test
	void aManagerMakesTheGroupAProblemWithItsCasesAndDecidesItOnce() throws Exception {
		this.mvc
			.perform(post(decide("problem")).header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"Echo after the router update\",\"team\":\"product\"}"))
			.andExpect(status().isForbidden());

		String problem = JsonPath.read(asManager(post(decide("problem")), """
				{"title":"Echo after the router update","team":"product"}""").andExpect(status().isCreated())
			.andExpect(jsonPath("$.description").value("Emerging problem of 3 unexplained cases about: echo, line."))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.reference");

		List<String> linked = JsonPath.read(this.mvc
			.perform(get("/api/problems/" + problem + "/cases").header("Authorization",
					"Bearer " + TestFixtures.MANAGER_TOKEN))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$[*].reference");
		assertThat(linked).containsExactlyInAnyOrderElementsOf(this.members);
		listed("adopted").andExpect(
				jsonPath("$[?(@.id == '%s')].outcome".formatted(this.group)).value(hasItem("problem " + problem)));
		asManager(post(decide("dismiss")), "{\"reason\":\"seasonal\"}").andExpect(status().isConflict());
		asManager(post(decide("problem")), "{\"title\":\"Again\",\"team\":\"product\"}")
			.andExpect(status().isConflict());
	}

	@Test
	void aGroupIsDismissedWithAShortReasonAndNothingElse() throws Exception {
		asManager(post(decide("dismiss")), "{\"reason\":\" \"}").andExpect(status().isBadRequest());
		asManager(post(decide("dismiss")), "{\"reason\":\"%s\"}".formatted("r".repeat(181)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("a reason is at most 180 characters"));
		listed("proposed").andExpect(jsonPath("$[*].id").value(hasItem(this.group.toString())));

		asManager(post(decide("dismiss")), "{\"reason\":\"a test campaign\"}").andExpect(status().isNoContent());
		listed("dismissed").andExpect(jsonPath("$[?(@.id == '%s')].outcome".formatted(this.group))
			.value(hasItem("dismissed: a test campaign")));
	}

	@Test
	void aGroupMadeAContactReasonGivesItToItsCasesUnlessAnAgentChoseTheirs() throws Exception {
		String key = "echo_" + UUID.randomUUID().toString().substring(0, 8);
		this.cases.reasonPredicted(this.cases.find(this.members.get(0)).orElseThrow().id(), "billing_guess");
		this.cases.chooseReason(this.members.get(1), "line_noise", "alice");

		asManager(post(decide("reason")), """
				{"key":"%s","name":"Echo on the phone line"}""".formatted(key)).andExpect(status().isCreated());

		assertThat(this.cases.find(this.members.get(0)).orElseThrow().contactReason()).as("the model's guess gives way")
			.isEqualTo(key);
		assertThat(this.cases.find(this.members.get(1)).orElseThrow().contactReason()).as("the agent's choice stays")
			.isEqualTo("line_noise");
		assertThat(this.cases.find(this.members.get(2)).orElseThrow().contactReason()).isEqualTo(key);
		listed("adopted").andExpect(
				jsonPath("$[?(@.id == '%s')].outcome".formatted(this.group)).value(hasItem("contact reason " + key)));
	}

	@Test
	void aGroupMadeARootCauseIsAddedToTheKnowledgeBase() throws Exception {
		DiagnosisFixtures.demoKnowledgeBase(this.knowledgeBases);
		String key = "router_echo_" + UUID.randomUUID().toString().substring(0, 8);

		asManager(post(decide("root-cause")), """
				{"key":"%s","name":"Echo from the router's voice port","team":"product",
				 "workaround":"Plug the phone into the wall socket"}""".formatted(key)).andExpect(status().isCreated());

		assertThat(this.knowledgeBases.causeNames()).containsEntry(key, "Echo from the router's voice port");
		listed("adopted").andExpect(
				jsonPath("$[?(@.id == '%s')].outcome".formatted(this.group)).value(hasItem("root cause " + key)));
		asManager(post(decide("root-cause")), """
				{"key":"%s_again","name":"Again","team":"product"}""".formatted(key)).andExpect(status().isConflict());
	}

}

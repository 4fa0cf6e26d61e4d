package io.rootcase.trends;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.TestFixtures;
import io.rootcase.cases.Cases;
import io.rootcase.customers.IdentityKind;
import io.rootcase.diagnosis.DiagnosisFixtures;
import io.rootcase.diagnosis.KnowledgeBases;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactReceipt;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import io.rootcase.shared.Ids;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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
	ContactIntake intake;

	@Autowired
	Cases cases;

	@Autowired
	ClusterRepository clusters;

	@Autowired
	TestClock clock;

	@Autowired
	KnowledgeBases knowledgeBases;

	final List<String> members = new ArrayList<>();

	UUID group;

	@BeforeEach
	void threeUnexplainedEchoCasesProposedAsAGroup() {
		Map<UUID, String> representatives = new LinkedHashMap<>();
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String text = "There is an echo on my home phone line since the router update (" + i + ")";
			ContactReceipt receipt = this.intake.receive(new IncomingContact(Channel.PHONE, Direction.INBOUND,
					this.clock.instant().minus(Duration.ofDays(i + 1)), text,
					Map.of(IdentityKind.EMAIL, "echo-" + UUID.randomUUID() + "@example.com"), null, null, null, null));
			this.members.add(receipt.caseReference());
			ids.add(receipt.caseId());
			representatives.put(receipt.caseId(), text);
		}
		this.group = Ids.next();
		this.clusters.insert(new ClusterRepository.Found(
				new EmergingCluster(this.group, this.clock.instant(), ClusterState.PROPOSED, 3, 3, 0,
						List.of("echo", "line"), List.copyOf(representatives.values()), null, null, null),
				ids, representatives));
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

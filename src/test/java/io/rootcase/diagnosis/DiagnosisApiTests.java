package io.rootcase.diagnosis;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestFixtures;
import io.rootcase.cases.Cases;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.demo.DemoLoader;
import io.rootcase.intake.ContactIntake;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RootcaseIntegrationTest
class DiagnosisApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	KnowledgeBases knowledgeBases;

	@Autowired
	ContactIntake intake;

	@Autowired
	CustomerDirectory customers;

	@Autowired
	Cases cases;

	String reference;

	@BeforeEach
	void aDemoKnowledgeBaseAndACaseFromACustomerWithAnHx200Router() {
		DiagnosisFixtures.demoKnowledgeBase(this.knowledgeBases);
		this.reference = newCase();
	}

	String newCase() {
		return newCase("HX-200 router");
	}

	String newCase(String device) {
		return new DiagnosisFixtures(this.intake, this.customers).caseFrom("diag-" + UUID.randomUUID() + "@example.com",
				"Dee", "My internet drops every evening", Instant.now().minusSeconds(60), Map.of("device", device));
	}

	ResultActions post(String path, String body, String token) throws Exception {
		return this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	JsonNode start() throws Exception {
		return this.json.readTree(post("/api/cases/" + this.reference + "/diagnosis", "", TestFixtures.AGENT_TOKEN)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void aDiagnosisStartsWithWhatTheCaseAlreadyKnowsAndProposesAStepWithItsReason() throws Exception {
		JsonNode d = start();
		assertThat(d.get("status").asString()).isEqualTo("in_progress");
		assertThat(d.get("answers")
			.valueStream()
			.map(a -> a.get("question").asString() + "=" + a.get("answer").asString() + "/"
					+ a.get("source").asString()))
			.contains("router_model=hx200/case_fact");
		assertThat(d.get("next").get("why").asString()).isNotBlank();
		assertThat(d.get("ranking").size()).isPositive();
		assertThat(start().get("id").asString()).as("starting again returns the running diagnosis")
			.isEqualTo(d.get("id").asString());
	}

	@Test
	void theCasesContactReasonIsUsedAsEvidenceWithoutAsking() throws Exception {
		this.cases.reasonPredicted(this.cases.find(this.reference).orElseThrow().id(), "billing_dispute");

		JsonNode d = start();

		assertThat(d.get("answers")
			.valueStream()
			.map(a -> a.get("question").asString() + "=" + a.get("answer").asString() + "/"
					+ a.get("source").asString()))
			.contains("symptom_area=billing/case_fact");
	}

	@Test
	void answersGoOnTheCaseAsDiagnosticActionsAndAConfirmedCauseBecomesTheCasesRootCause() throws Exception {
		start();
		post("/api/cases/" + this.reference + "/diagnosis/answers",
				"{\"question\":\"evening_only\",\"answer\":\"yes\"}", TestFixtures.AGENT_TOKEN)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.answers[*].question", hasItem("evening_only")));
		post("/api/cases/" + this.reference + "/diagnosis/answers",
				"{\"question\":\"firmware_version\",\"answer\":\"old\",\"volunteered\":true}", TestFixtures.AGENT_TOKEN)
			.andExpect(jsonPath("$.answers[?(@.question == 'firmware_version')].source", hasItem("volunteered")));
		this.mvc
			.perform(get("/api/cases/" + this.reference).header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(
					jsonPath("$.actions[*].description", hasItem("Asked: Does it happen mostly in the evening? → yes")))
			.andExpect(jsonPath("$.actions[*].kind", hasItem("diagnostic")));

		post("/api/cases/" + this.reference + "/diagnosis/confirm", "{\"cause\":\"router_firmware_watchdog\"}",
				TestFixtures.AGENT_TOKEN)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("confirmed"))
			.andExpect(jsonPath("$.finding.team").value("product"))
			.andExpect(jsonPath("$.finding.fix.action").value("Push router firmware 4.2.1"))
			.andExpect(jsonPath("$.finding.workarounds[0].action").value("Remote router reset"));
		this.mvc
			.perform(get("/api/cases/" + this.reference).header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(jsonPath("$.summary.rootCauseState").value("known"))
			.andExpect(jsonPath("$.summary.rootCauseKey").value("router_firmware_watchdog"));
		post("/api/cases/" + this.reference + "/diagnosis/answers", "{\"question\":\"line_test\",\"answer\":\"pass\"}",
				TestFixtures.AGENT_TOKEN)
			.andExpect(status().isConflict());
	}

	@Test
	void anUnknownCauseKeepsTheAnswersAsItsCharacterisationAndIsListedForInvestigation() throws Exception {
		start();
		post("/api/cases/" + this.reference + "/diagnosis/answers",
				"{\"question\":\"worse_when_rain\",\"answer\":\"yes\"}", TestFixtures.AGENT_TOKEN);
		post("/api/cases/" + this.reference + "/diagnosis/unknown", "", TestFixtures.AGENT_TOKEN)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("unknown"));
		this.mvc
			.perform(get("/api/cases/" + this.reference).header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(jsonPath("$.summary.rootCauseState").value("unknown"));
		this.mvc.perform(get("/api/diagnoses/unknown").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(jsonPath("$[*].answers[*].question", hasItem("worse_when_rain")));
	}

	@Test
	void unknownCasesAreGroupedBySimilarFindingsWithTheFactsTheyHeldSpreadOverTheGroup() throws Exception {
		String alike = newCase("MeshPro kit");
		String different = newCase();
		for (String ref : java.util.List.of(this.reference, alike)) {
			diagnoseUnknown(ref, Map.of("worse_when_rain", "yes", "evening_only", "no", "wired_also", "no"));
		}
		diagnoseUnknown(different, Map.of("plan_changed", "yes", "bill_shows_both_plans", "yes", "evening_only", "yes",
				"worse_when_rain", "no"));
		JsonNode group = unknownCauseGroupOf(alike);
		assertThat(group.get("cases").valueStream().map(c -> c.get("caseReference").asString()))
			.contains(this.reference, alike)
			.doesNotContain(different);
		assertThat(group.get("shared")
			.valueStream()
			.map(a -> a.get("question").asString() + "=" + a.get("answer").asString())).contains("worse_when_rain=yes")
			.doesNotContain("router_model=hx200");
		assertThat(group.get("facts")
			.valueStream()
			.filter(f -> f.get("question").asString().equals("router_model"))
			.flatMap(f -> f.get("counts").valueStream())
			.map(c -> c.get("answer").asString() + ":" + c.get("cases").asInt())).contains("hx200:1", "mesh:1");
	}

	@Test
	void anAnswerThatFoundNothingDoesNotSetCasesApart() throws Exception {
		// The demo's knowledge base says "don't know" about the neighbours finds nothing.
		String knew = newCase();
		diagnoseUnknown(this.reference,
				Map.of("wifi_scan", "crowded", "far_from_router", "yes", "neighbours_affected", "dont_know"));
		diagnoseUnknown(knew, Map.of("wifi_scan", "crowded", "far_from_router", "yes", "neighbours_affected", "no",
				"slow_not_dropping", "yes"));

		JsonNode group = unknownCauseGroupOf(knew);

		assertThat(group.get("cases").valueStream().map(c -> c.get("caseReference").asString()))
			.contains(this.reference, knew);
	}

	@Test
	void casesDeclaredUnknownBeforeAnythingWasFoundAreOneGroupToDiagnoseFirst() throws Exception {
		String other = newCase("MeshPro kit");
		for (String ref : java.util.List.of(this.reference, other)) {
			diagnoseUnknown(ref, Map.of());
		}
		JsonNode group = unknownCauseGroupOf(other);
		assertThat(group.get("nothingFound").asBoolean()).isTrue();
		assertThat(group.get("cases").valueStream().map(c -> c.get("caseReference").asString()))
			.contains(this.reference);
	}

	/** The group on the unknown-causes list that holds a case. */
	JsonNode unknownCauseGroupOf(String reference) throws Exception {
		JsonNode groups = this.json.readTree(this.mvc
			.perform(get("/api/diagnoses/unknown/groups").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		return groups.valueStream()
			.filter(g -> g.get("cases")
				.valueStream()
				.anyMatch(c -> c.get("caseReference").asString().equals(reference)))
			.findFirst()
			.orElseThrow();
	}

	void diagnoseUnknown(String ref, Map<String, String> answers) throws Exception {
		post("/api/cases/" + ref + "/diagnosis", "", TestFixtures.AGENT_TOKEN).andExpect(status().isOk());
		for (var answer : answers.entrySet()) {
			post("/api/cases/" + ref + "/diagnosis/answers",
					"{\"question\":\"" + answer.getKey() + "\",\"answer\":\"" + answer.getValue() + "\"}",
					TestFixtures.AGENT_TOKEN)
				.andExpect(status().isOk());
		}
		post("/api/cases/" + ref + "/diagnosis/unknown", "", TestFixtures.AGENT_TOKEN).andExpect(status().isOk());
	}

	@Test
	void confirmedDiagnosesTeachTheKnowledgeBaseAndManagersCanResetItToTheExpertValues() throws Exception {
		post("/api/knowledge-base/learning/reset", "", TestFixtures.AGENT_TOKEN).andExpect(status().isForbidden());
		post("/api/knowledge-base/learning/reset", "", TestFixtures.MANAGER_TOKEN).andExpect(status().isNoContent());
		this.mvc
			.perform(get("/api/knowledge-base/learning").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(jsonPath("$.confirmedDiagnoses").value(0))
			.andExpect(jsonPath("$.resetBy").value("api:test manager integration"));

		start();
		post("/api/cases/" + this.reference + "/diagnosis/answers", "{\"question\":\"evening_only\",\"answer\":\"no\"}",
				TestFixtures.AGENT_TOKEN)
			.andExpect(status().isOk());
		post("/api/cases/" + this.reference + "/diagnosis/confirm", "{\"cause\":\"router_firmware_watchdog\"}",
				TestFixtures.AGENT_TOKEN)
			.andExpect(status().isOk());

		// The expert says 0.1 for "no"; one observation with strength 20 gives (20 * 0.1
		// +
		// 1) / 21.
		this.mvc
			.perform(get("/api/knowledge-base/learning?threshold=0.005").header("Authorization",
					"Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(jsonPath("$.confirmedDiagnoses").value(1))
			.andExpect(jsonPath(
					"$.shifts[?(@.cause == 'router_firmware_watchdog' && @.question == 'evening_only' && @.answer == 'no')].learned",
					hasItem(closeTo(new java.math.BigDecimal("0.142857142857"), new java.math.BigDecimal("1e-9")))))
			.andExpect(jsonPath("$.shifts[?(@.cause == 'router_firmware_watchdog' && @.question == null)].observations",
					hasItem(1)));
		this.mvc
			.perform(get("/api/knowledge-base/learned").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("version: \"2026-11-22+learned\"")));

		post("/api/knowledge-base/learning/reset", "", TestFixtures.MANAGER_TOKEN).andExpect(status().isNoContent());
		this.mvc
			.perform(get("/api/knowledge-base/learning").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(jsonPath("$.confirmedDiagnoses").value(0));
		this.mvc
			.perform(get("/api/knowledge-base/learning?threshold=2").header("Authorization",
					"Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isBadRequest());
	}

	@Test
	void wrongQuestionsAnswersAndCausesAreClearErrors() throws Exception {
		start();
		post("/api/cases/" + this.reference + "/diagnosis/answers", "{\"question\":\"weather\",\"answer\":\"yes\"}",
				TestFixtures.AGENT_TOKEN)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("question"));
		post("/api/cases/" + this.reference + "/diagnosis/answers",
				"{\"question\":\"evening_only\",\"answer\":\"maybe\"}", TestFixtures.AGENT_TOKEN)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("answer"));
		post("/api/cases/" + this.reference + "/diagnosis/confirm", "{\"cause\":\"gremlins\"}",
				TestFixtures.AGENT_TOKEN)
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(get("/api/cases/RC-999999999/diagnosis").header("Authorization",
					"Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isNotFound());
	}

	@Test
	void aBadKnowledgeBaseFileIsRefusedWithEveryProblemAndTheStoredOneIsUnchanged() throws Exception {
		int versions = this.knowledgeBases.versions().size();
		String broken = DemoLoader.demoKnowledgeBase()
			.replace("prior: 0.09", "prior: 1.5")
			.replace("      evening_congestion: {\"yes\": 0.92, \"no\": 0.08}",
					"      evening_congestion: {\"yes\": 0.92, \"no\": 0.18}\n      gremlins: {\"yes\": 0.5, \"no\": 0.5}");
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/knowledge-base")
				.header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN)
				.contentType("application/yaml")
				.content(broken))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("causes[0].prior")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("questions[1].likelihoods.gremlins")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("questions[1].likelihoods.evening_congestion")));
		assertThat(this.knowledgeBases.versions()).hasSize(versions);
	}

	@Test
	void aCauseOwnedByATeamThatDoesNotExistIsRefused() throws Exception {
		int versions = this.knowledgeBases.versions().size();
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/knowledge-base")
				.header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN)
				.contentType("application/yaml")
				.content(DemoLoader.demoKnowledgeBase().replace("team: product", "team: marketing")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", startsWith("causes[")))
			// Other tests add teams of their own, so only the demo's are certain in the
			// list.
			.andExpect(jsonPath("$.errors[0].message",
					org.hamcrest.Matchers.allOf(startsWith("no team 'marketing'; teams: "),
							org.hamcrest.Matchers.containsString("finance"),
							org.hamcrest.Matchers.containsString("support"))));
		assertThat(this.knowledgeBases.versions()).hasSize(versions);
	}

	@Test
	void managersImportAndEveryoneExportsTheKnowledgeBase() throws Exception {
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/knowledge-base")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
				.contentType("application/yaml")
				.content(DemoLoader.demoKnowledgeBase()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/knowledge-base")
				.header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN)
				.contentType("application/yaml")
				.content(DemoLoader.demoKnowledgeBase()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.label").value("2026-11-22"));
		this.mvc.perform(get("/api/knowledge-base").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isOk())
			.andExpect(content().string(startsWith("# Northwind Fibre's root causes")));
	}

}

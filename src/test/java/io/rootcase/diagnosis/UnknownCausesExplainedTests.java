package io.rootcase.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestFixtures;
import io.rootcase.cases.Cases;
import io.rootcase.cases.RootCauseState;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.intake.ContactIntake;
import io.rootcase.problems.ProblemStatus;
import io.rootcase.problems.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Cases whose cause no known one explained, taken up as a problem: once the problem's
 * root cause is known, it explains them, and the next case like them is diagnosed to it.
 */
@RootcaseIntegrationTest
class UnknownCausesExplainedTests {

	// Slow internet where every test comes back fine: no cause of the demo knowledge base
	// answers like this.
	static final Map<String, String> SLOW_BUT_FINE = Map.of("slow_not_dropping", "yes", "sync_rate", "matches",
			"line_test", "pass", "wifi_scan", "clear", "far_from_router", "no", "evening_only", "no");

	@Autowired
	MockMvc mvc;

	@Autowired
	KnowledgeBases knowledgeBases;

	@Autowired
	Diagnoses diagnoses;

	@Autowired
	Problems problems;

	@Autowired
	ContactIntake intake;

	@Autowired
	CustomerDirectory customers;

	@Autowired
	Cases cases;

	@BeforeEach
	void theDemoKnowledgeBase() {
		DiagnosisFixtures.demoKnowledgeBase(this.knowledgeBases);
	}

	String newCase() {
		return new DiagnosisFixtures(this.intake, this.customers).caseFrom("slow-" + UUID.randomUUID() + "@example.com",
				"Sol", "My internet is slow but never drops", Instant.now().minusSeconds(60),
				Map.of("device", "HX-300 router"));
	}

	String diagnosedUnknown(Map<String, String> answers) {
		String reference = newCase();
		this.diagnoses.start(reference, "alice");
		answers.forEach((question, answer) -> this.diagnoses.answer(reference, question, answer, false, "alice"));
		this.diagnoses.declareUnknown(reference, "alice");
		return reference;
	}

	/** Opens a problem for the cases from the unknown-causes page, as a manager. */
	String problemFromTheUnknownCausesPage(List<String> references) throws Exception {
		var request = post("/unknown-causes/problem").param("title", "Slow internet, every test fine")
			.param("team", "product")
			.param("description", "Cases whose root cause is unknown")
			.with(user("maria").roles("AGENT", "MANAGER"))
			.with(csrf());
		references.forEach(r -> request.param("cases", r));
		MvcResult opened = this.mvc.perform(request)
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", org.hamcrest.Matchers.endsWith(" holds the cases now.")))
			.andReturn();
		return opened.getResponse().getRedirectedUrl().replace("/problems/", "");
	}

	@Test
	void aProblemsKnownRootCauseExplainsItsUnknownCasesAndTheNextCaseLikeThemIsDiagnosedToIt() throws Exception {
		List<String> unknown = List.of(diagnosedUnknown(SLOW_BUT_FINE), diagnosedUnknown(SLOW_BUT_FINE),
				diagnosedUnknown(SLOW_BUT_FINE));
		String problem = problemFromTheUnknownCausesPage(unknown);
		assertThat(this.problems.cases(problem, 10, 0).page()).extracting(c -> c.reference())
			.containsExactlyInAnyOrderElementsOf(unknown);
		// Until the cause is known the group stays on the page, pointing to its problem,
		// and offers no second one.
		this.mvc.perform(get("/unknown-causes").with(user("alice").roles("AGENT")))
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
					"(?s).*" + unknown.get(0) + ".*Investigated in\\s*<span><a href=\"/problems/" + problem + "\".*")));
		int opened = this.problems.list(null, null, 10_000).size();
		var again = post("/unknown-causes/problem").param("title", "Again")
			.param("team", "product")
			.with(user("maria").roles("AGENT", "MANAGER"))
			.with(csrf());
		unknown.forEach(r -> again.param("cases", r));
		this.mvc.perform(again)
			.andExpect(
					flash().attribute("error", "a problem holds every one of these cases already; nothing was opened"));
		assertThat(this.problems.list(null, null, 10_000)).hasSize(opened);
		Problems.Actor manager = new Problems.Actor("maria", true);
		this.problems.describe(problem,
				new Problems.ProblemForm("Slow internet, every test fine", "Cases whose root cause is unknown",
						"product", null, null, "Speed cap left on after a plan upgrade", null, "Lift the cap by hand",
						"Provisioning clears caps on upgrade", null, null),
				manager);
		this.problems.moveTo(problem, ProblemStatus.INVESTIGATING, "looking", manager);
		this.problems.moveTo(problem, ProblemStatus.ROOT_CAUSE_KNOWN, "found the cap", manager);
		String cause = this.problems.get(problem).rootCauseKey();

		KnowledgeBase kb = this.knowledgeBases.expert(this.knowledgeBases.current().orElseThrow().id());
		assertThat(kb.cause(cause).orElseThrow().status()).isEqualTo(KnowledgeBase.CauseStatus.KNOWN);
		// Three cases answered "yes", smoothed by two answers of the background (0.3):
		// (3 + 2 * 0.3) / (3 + 2).
		assertThat(kb.question("slow_not_dropping").orElseThrow().likelihood(cause, "yes")).isCloseTo(0.72,
				within(1e-9));
		// The router model the cases held counts too: (3 + 2 * 0.35) / 5.
		assertThat(kb.question("router_model").orElseThrow().likelihood(cause, "hx300")).isCloseTo(0.74, within(1e-9));
		assertThat(kb.question("total_loss").orElseThrow().likelihood(cause, "yes")).as("not asked: the background")
			.isEqualTo(0.15);

		for (String reference : unknown) {
			assertThat(this.diagnoses.current(reference).orElseThrow()).satisfies(d -> {
				assertThat(d.status()).isEqualTo("explained");
				assertThat(d.finding().name()).isEqualTo("Slow internet, every test fine");
				assertThat(d.explainedBy()).isEqualTo("maria");
			});
			assertThat(this.cases.find(reference).orElseThrow()).satisfies(c -> {
				assertThat(c.rootCauseState()).isEqualTo(RootCauseState.KNOWN);
				assertThat(c.rootCauseKey()).isEqualTo(cause);
			});
		}
		this.mvc.perform(get("/api/diagnoses/unknown").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(jsonPath("$[*].caseId", org.hamcrest.Matchers
				.not(org.hamcrest.Matchers.hasItem(this.cases.find(unknown.get(0)).orElseThrow().id().toString()))));
		this.mvc.perform(get("/cases/" + unknown.get(0)).with(user("alice").roles("AGENT")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"diagnosis-explained\"")));

		String next = newCase();
		this.diagnoses.start(next, "alice");
		SLOW_BUT_FINE.forEach((question, answer) -> this.diagnoses.answer(next, question, answer, false, "alice"));
		assertThat(this.diagnoses.current(next).orElseThrow().ranking().get(0).key()).isEqualTo(cause);
	}

	@Test
	void aProblemForNoCasesOrForACaseThatDoesNotExistIsRefusedAndNothingIsOpened() throws Exception {
		int problems = this.problems.list(null, null, 10_000).size();
		this.mvc
			.perform(post("/unknown-causes/problem").param("title", "Nothing")
				.param("team", "product")
				.with(user("maria").roles("AGENT", "MANAGER"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", "name the cases the problem is for"));
		this.mvc
			.perform(post("/unknown-causes/problem").param("title", "Nothing")
				.param("team", "product")
				.param("cases", diagnosedUnknown(SLOW_BUT_FINE), "RC-999999999")
				.with(user("maria").roles("AGENT", "MANAGER"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", "no case RC-999999999"));
		assertThat(this.problems.list(null, null, 10_000)).hasSize(problems);
	}

	@Test
	void explainedDiagnosesCountAsConfirmedToTheirCauseNotAsUnknown() throws Exception {
		LearningView before = this.knowledgeBases.learning(0.01);
		String reference = diagnosedUnknown(SLOW_BUT_FINE);
		assertThat(this.knowledgeBases.learning(0.01).unknownDiagnoses()).isEqualTo(before.unknownDiagnoses() + 1);

		this.diagnoses
			.recordKnownCause(
					new KnowledgeBases.KnownCause("slow_" + UUID.randomUUID().toString().substring(0, 8), "Speed cap",
							null, "product", null, null),
					List.of(this.cases.find(reference).orElseThrow().id()), "maria");

		LearningView after = this.knowledgeBases.learning(0.01);
		assertThat(after.unknownDiagnoses()).isEqualTo(before.unknownDiagnoses());
		assertThat(after.confirmedDiagnoses()).isEqualTo(before.confirmedDiagnoses() + 1);
	}

	@Test
	void aSuspectedCauseConfirmedOnACaseIsItsSuspectedRootCauseUntilAnInvestigationEstablishesIt() throws Exception {
		String key = "suspect_" + UUID.randomUUID().toString().substring(0, 8);
		KnowledgeBase current = this.knowledgeBases.expert(this.knowledgeBases.current().orElseThrow().id());
		List<KnowledgeBase.RootCause> causes = new java.util.ArrayList<>(current.causes());
		causes.add(new KnowledgeBase.RootCause(key, "Speed cap left on", null, "product", 0.02,
				KnowledgeBase.CauseStatus.SUSPECTED, new KnowledgeBase.Remedy("Lift the cap", 5), List.of()));
		this.knowledgeBases.importFile(KnowledgeBaseFile.write(new KnowledgeBase(current.name(), current.version(),
				current.unknownPrior(), current.answerNoise(), causes, current.questions())), "test");
		String reference = newCase();
		this.diagnoses.start(reference, "alice");

		assertThat(this.diagnoses.confirm(reference, key, "alice").finding().suspected()).isTrue();
		assertThat(this.cases.find(reference).orElseThrow()).satisfies(c -> {
			assertThat(c.rootCauseState()).isEqualTo(RootCauseState.SUSPECTED);
			assertThat(c.rootCauseKey()).isEqualTo(key);
		});
		this.mvc.perform(get("/cases/" + reference).with(user("alice").roles("AGENT")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"finding-suspected\"")));

		this.diagnoses.recordKnownCause(new KnowledgeBases.KnownCause(key, "Speed cap left on", null, "product",
				"Provisioning clears caps", null), List.of(), "maria");

		assertThat(this.cases.find(reference).orElseThrow().rootCauseState()).isEqualTo(RootCauseState.KNOWN);
		assertThat(this.diagnoses.current(reference).orElseThrow().finding().suspected()).isFalse();
	}

	@Test
	void aDiagnosisThatDidNotEndUnknownIsNotExplainedLater() {
		String reference = newCase();
		this.diagnoses.start(reference, "alice");
		this.diagnoses.confirm(reference, "wrong_speed_profile", "alice");

		this.diagnoses
			.recordKnownCause(
					new KnowledgeBases.KnownCause("slow_" + UUID.randomUUID().toString().substring(0, 8), "Speed cap",
							null, "product", null, null),
					List.of(this.cases.find(reference).orElseThrow().id()), "maria")
			.ifPresent(recorded -> assertThat(recorded.explained()).isEmpty());

		assertThat(this.diagnoses.current(reference).orElseThrow().status()).isEqualTo("confirmed");
		assertThat(this.cases.find(reference).orElseThrow().rootCauseKey()).isEqualTo("wrong_speed_profile");
	}

}

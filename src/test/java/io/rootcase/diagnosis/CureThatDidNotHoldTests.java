package io.rootcase.diagnosis;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestFixtures;
import io.rootcase.cases.ActionKind;
import io.rootcase.cases.Cases;
import io.rootcase.cases.ResolutionKind;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.intake.ContactIntake;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RootcaseIntegrationTest
class CureThatDidNotHoldTests {

	static final String CAUSE = "router_firmware_watchdog";

	@Autowired
	MockMvc mvc;

	@Autowired
	KnowledgeBases knowledgeBases;

	@Autowired
	ContactIntake intake;

	@Autowired
	CustomerDirectory customers;

	@Autowired
	Cases cases;

	@Autowired
	Diagnoses diagnoses;

	@BeforeEach
	void aDemoKnowledgeBase() {
		DiagnosisFixtures.demoKnowledgeBase(this.knowledgeBases);
	}

	private String contact(String email, String text, Instant at) {
		return new DiagnosisFixtures(this.intake, this.customers).caseFrom(email, "Dee", text, at,
				Map.of("device", "HX-200 router"));
	}

	private String curedCase(String email, Instant at) {
		String reference = contact(email, "My internet drops every evening", at);
		this.diagnoses.start(reference, "agent");
		this.diagnoses.confirm(reference, CAUSE, "agent");
		this.cases.recordAction(reference, ActionKind.CURATIVE, "Push router firmware 4.2.1", 10, "agent", at);
		this.cases.resolveOnBehalf(reference, "firmware pushed", "manager", at.plusSeconds(60));
		assertThat(this.cases.find(reference).orElseThrow().resolutionKind()).isEqualTo(ResolutionKind.CURED);
		return reference;
	}

	@Test
	void aProblemBackAfterACureHoldsTheCauseCuredThenLessLikelyAndSaysWhy() throws Exception {
		String email = "cured-" + UUID.randomUUID() + "@example.com";
		Instant now = Instant.now();
		String cured = curedCase(email, now.minusSeconds(3 * 86_400));
		// The diagnosis was confirmed just now, so the problem comes back after that.
		String back = contact(email, "My internet drops every evening, again", Instant.now());
		String fresh = contact("fresh-" + UUID.randomUUID() + "@example.com", "My internet drops every evening, again",
				Instant.now());
		assertThat(back).isNotEqualTo(cured);

		DiagnosisView doubted = this.diagnoses.start(back, "agent");
		DiagnosisView unbiased = this.diagnoses.start(fresh, "agent");

		assertThat(doubted.cureThatDidNotHold()).isNotNull();
		assertThat(doubted.cureThatDidNotHold().caseReference()).isEqualTo(cured);
		assertThat(doubted.cureThatDidNotHold().cause()).isEqualTo(CAUSE);
		assertThat(unbiased.cureThatDidNotHold()).isNull();
		assertThat(probabilityOf(doubted)).isLessThan(probabilityOf(unbiased) / 2);
		this.mvc
			.perform(post("/api/cases/" + back + "/diagnosis").header("Authorization",
					"Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cureThatDidNotHold.caseReference").value(cured))
			.andExpect(jsonPath("$.cureThatDidNotHold.timesLessLikely").value(5));
	}

	@Test
	void anotherMatterAfterACureIsNotADoubt() {
		String email = "cured-" + UUID.randomUUID() + "@example.com";
		Instant now = Instant.now();
		curedCase(email, now.minusSeconds(3 * 86_400));
		String other = contact(email, "Please send me a copy of my contract", Instant.now());

		assertThat(this.diagnoses.start(other, "agent").cureThatDidNotHold()).isNull();
	}

	private static double probabilityOf(DiagnosisView view) {
		return view.ranking()
			.stream()
			.filter(r -> r.key().equals(CAUSE))
			.mapToDouble(DiagnosisView.RankedCause::probability)
			.findFirst()
			.orElse(0);
	}

}

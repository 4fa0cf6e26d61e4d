package io.rootcase.problems;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.TestFixtures;
import io.rootcase.cases.CaseStatus;
import io.rootcase.cases.Cases;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.customers.IdentityKind;
import io.rootcase.diagnosis.DiagnosisFixtures;
import io.rootcase.diagnosis.KnowledgeBase;
import io.rootcase.diagnosis.KnowledgeBaseFile;
import io.rootcase.diagnosis.KnowledgeBases;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RootcaseIntegrationTest
class ProblemApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ContactIntake intake;

	@Autowired
	Cases cases;

	@Autowired
	TestClock clock;

	@Autowired
	KnowledgeBases knowledgeBases;

	@Autowired
	CustomerDirectory customers;

	@Autowired
	Problems problems;

	@Autowired
	tools.jackson.databind.json.JsonMapper mapper;

	final String reason = "prb_" + UUID.randomUUID().toString().substring(0, 8);

	static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	ResultActions asManager(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN));
	}

	ResultActions as(String agent, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(agent).roles("AGENT")));
	}

	/** A case of a new customer, opened the given days ago, about the test's reason. */
	String caseOpened(Duration ago) {
		String reference = this.intake
			.receive(new IncomingContact(Channel.WEB, Direction.INBOUND, this.clock.instant().minus(ago),
					"Charged twice after upgrading",
					Map.of(IdentityKind.EMAIL, "prb-" + UUID.randomUUID() + "@example.com"), null, null, null, null))
			.caseReference();
		this.cases.chooseReason(reference, this.reason, "alice");
		return reference;
	}

	String open(String body) throws Exception {
		String location = asManager(json(post("/api/problems"), body)).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return com.jayway.jsonpath.JsonPath.read(location, "$.reference");
	}

	String financeProblem() throws Exception {
		return open("""
				{"title":"Upgrades are charged twice","team":"finance","reasonKey":"%s"}""".formatted(this.reason));
	}

	void deployFix(String problem) throws Exception {
		deployFix(problem, null);
	}

	/** Describes the problem (in the segment, if one) and moves it on to fix deployed. */
	void deployFix(String problem, String segment) throws Exception {
		asManager(json(
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/problems/" + problem), """
						{"title":"Upgrades are charged twice","team":"finance","reasonKey":"%s",
						 "rootCauseText":"Proration uses the old plan's price","workaround":"Credit the difference",
						 "segment":%s}""".formatted(this.reason, segment == null ? "null" : "\"" + segment + "\"")))
			.andExpect(status().isOk());
		List<String> steps = List.of("investigating", "root_cause_known", "fix_in_progress", "fix_deployed");
		String current = com.jayway.jsonpath.JsonPath.read(
				asManager(get("/api/problems/" + problem)).andReturn().getResponse().getContentAsString(),
				"$.problem.status");
		for (String next : steps.subList(steps.indexOf(current) + 1, steps.size())) {
			asManager(json(post("/api/problems/" + problem + "/status"), """
					{"status":"%s","reason":"step"}""".formatted(next))).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value(next));
		}
	}

	@Test
	void aProblemGoesThroughItsWorkflowWithEveryStepRecorded() throws Exception {
		String problem = financeProblem();
		assertThat(problem).startsWith("PRB-");

		asManager(json(post("/api/problems/" + problem + "/status"), """
				{"status":"fix_deployed"}""")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("cannot go from new")));
		asManager(json(post("/api/problems/" + problem + "/status"), """
				{"status":"investigating","reason":"a dozen cases"}""")).andExpect(status().isOk());
		asManager(json(post("/api/problems/" + problem + "/status"), """
				{"status":"root_cause_known"}""")).andExpect(status().isBadRequest());
		deployFix(problem);

		asManager(get("/api/problems/" + problem)).andExpect(status().isOk())
			.andExpect(jsonPath("$.problem.status").value("fix_deployed"))
			.andExpect(jsonPath("$.problem.knownError").value(true))
			.andExpect(jsonPath("$.history.length()").value(5))
			.andExpect(jsonPath("$.history[1].reason").value("a dozen cases"));
	}

	@Test
	void onlyManagersAndTheOwningTeamChangeAProblemButAnyAgentLinksCases() throws Exception {
		String problem = financeProblem();
		String c = caseOpened(Duration.ofDays(1));

		as("alice", json(post("/api/problems/" + problem + "/status"), """
				{"status":"investigating"}""")).andExpect(status().isForbidden());
		as("fiona", json(post("/api/problems/" + problem + "/status"), """
				{"status":"investigating"}""")).andExpect(status().isOk());
		as("alice", json(post("/api/problems/" + problem + "/cases"), """
				{"caseReferences":["%s"]}""".formatted(c))).andExpect(status().isOk())
			.andExpect(jsonPath("$.linked").value(1));
		as("alice", delete("/api/problems/" + problem + "/cases/" + c)).andExpect(status().isForbidden());
		as("fiona", delete("/api/problems/" + problem + "/cases/" + c)).andExpect(status().isNoContent());
		as("alice", json(post("/api/problems"), """
				{"title":"Not mine","team":"finance"}""")).andExpect(status().isForbidden());
	}

	@Test
	void aProblemIsOpenedWithItsCasesInOneCallOrNotAtAll() throws Exception {
		String a = caseOpened(Duration.ofDays(1));
		String b = caseOpened(Duration.ofDays(2));
		String title = "Opened with cases " + UUID.randomUUID();

		asManager(json(post("/api/problems"), """
				{"title":"%s","team":"finance","caseReferences":["%s","RC-999999999"]}""".formatted(title, a)))
			.andExpect(status().isNotFound());
		assertThat(this.problems.list("finance", null, 500)).noneSatisfy(p -> assertThat(p.title()).isEqualTo(title));
		assertThat(this.cases.find(a).orElseThrow().problemId()).isNull();

		String problem = open("""
				{"title":"%s","team":"finance","reasonKey":"%s","caseReferences":["%s","%s"]}""".formatted(title,
				this.reason, a, b));
		asManager(get("/api/problems/" + problem + "/cases"))
			.andExpect(jsonPath("$[*].reference").value(contains(a, b)));
		asManager(json(post("/api/problems"), """
				{"title":"%s","team":"finance","caseReferenzen":["%s"]}""".formatted(title, a)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void linkingIsAllOrNothingAndACaseBelongsToOneProblem() throws Exception {
		String first = financeProblem();
		String second = financeProblem();
		String a = caseOpened(Duration.ofDays(1));
		String b = caseOpened(Duration.ofDays(2));
		asManager(json(post("/api/problems/" + first + "/cases"), """
				{"caseReferences":["%s"]}""".formatted(a))).andExpect(jsonPath("$.linked").value(1));

		asManager(json(post("/api/problems/" + second + "/cases"), """
				{"caseReferences":["%s","%s"]}""".formatted(b, a))).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString(a)));
		asManager(json(post("/api/problems/" + second + "/cases"), """
				{"caseReferences":["%s","RC-999999999"]}""".formatted(b))).andExpect(status().isNotFound());
		assertThat(this.cases.find(b).orElseThrow().problemId()).isNull();

		asManager(json(post("/api/problems/" + second + "/cases"),
				"""
						{"reasonKey":"%s","from":"%s","to":"%s"}""".formatted(this.reason,
						this.clock.instant().minus(Duration.ofDays(30)), this.clock.instant().plusSeconds(1))))
			.andExpect(jsonPath("$.linked").value(1));
		asManager(get("/api/problems/" + second + "/cases")).andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].reference").value(b));
	}

	@Test
	void aProblemsCasesComeAPageAtATimeTheLatestOpenedFirstWithTheTotal() throws Exception {
		String problem = financeProblem();
		String older = caseOpened(Duration.ofDays(3));
		String middle = caseOpened(Duration.ofDays(2));
		String newest = caseOpened(Duration.ofDays(1));
		asManager(json(post("/api/problems/" + problem + "/cases"), """
				{"caseReferences":["%s","%s","%s"]}""".formatted(older, middle, newest)))
			.andExpect(jsonPath("$.linked").value(3));

		asManager(get("/api/problems/" + problem + "/cases").param("limit", "2")).andExpect(status().isOk())
			.andExpect(header().string("X-Total-Count", "3"))
			.andExpect(jsonPath("$[*].reference").value(contains(newest, middle)));
		asManager(get("/api/problems/" + problem + "/cases").param("limit", "2").param("offset", "2"))
			.andExpect(header().string("X-Total-Count", "3"))
			.andExpect(jsonPath("$[*].reference").value(contains(older)));
		asManager(get("/api/problems/" + problem + "/cases").param("offset", "-1")).andExpect(status().isBadRequest());
		asManager(get("/api/problems/" + problem + "/cases").param("limit", "0")).andExpect(status().isBadRequest());
	}

	@Test
	void aFixIsVerifiedWhenMatchingCasesDropSignificantly() throws Exception {
		String problem = financeProblem();
		for (int day = 1; day <= 12; day++) {
			caseOpened(Duration.ofDays(2 * day));
		}
		deployFix(problem);
		asManager(json(post("/api/problems/" + problem + "/verify"), "{}")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("no observation period")));

		this.clock.advance(Duration.ofDays(14));

		// 12 cases in the 28 days before, none in the 14 after: p = (2/3)^12 = 0.0077.
		asManager(get("/api/problems/" + problem + "/verification")).andExpect(jsonPath("$.before").value(12))
			.andExpect(jsonPath("$.after").value(0))
			.andExpect(jsonPath("$.significantDrop").value(true));
		asManager(json(post("/api/problems/" + problem + "/verify"), "{}")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("verified"))
			.andExpect(jsonPath("$.verificationNote").value(containsString("p = 0.0077")));
	}

	/**
	 * A case of a new customer on the plan, opened the given days ago, about the test's
	 * reason.
	 */
	String caseOnPlan(Duration ago, String plan) {
		String email = "prb-" + UUID.randomUUID() + "@example.com";
		UUID customer = this.customers.recognise(Set.of(this.customers.identity(IdentityKind.EMAIL, email)), null);
		this.customers.describe(customer, Map.of("plan", plan));
		String reference = this.intake
			.receive(new IncomingContact(Channel.WEB, Direction.INBOUND, this.clock.instant().minus(ago),
					"Charged twice after upgrading", Map.of(IdentityKind.EMAIL, email), null, null, null, null))
			.caseReference();
		this.cases.chooseReason(reference, this.reason, "alice");
		return reference;
	}

	@Test
	void aFixForOneSegmentIsVerifiedOnThatSegmentsCasesAlone() throws Exception {
		String problem = financeProblem();
		for (int day = 1; day <= 12; day++) {
			caseOnPlan(Duration.ofDays(2 * day), "gold");
		}
		deployFix(problem, "plan=gold");
		this.clock.advance(Duration.ofDays(14));
		for (int day = 1; day <= 3; day++) {
			caseOnPlan(Duration.ofDays(day), "basic");
		}

		asManager(get("/api/problems/" + problem)).andExpect(jsonPath("$.problem.segment").value("plan=gold"));
		asManager(get("/api/problems/" + problem + "/verification")).andExpect(jsonPath("$.before").value(12))
			.andExpect(jsonPath("$.after").value(0))
			.andExpect(jsonPath("$.significantDrop").value(true));

		// Across all plans the basic customers' cases count too.
		deployFix(problem, null);
		asManager(get("/api/problems/" + problem + "/verification")).andExpect(jsonPath("$.after").value(3));

		asManager(json(
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/problems/" + problem), """
						{"title":"Upgrades are charged twice","team":"finance","segment":"gold"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("attribute=value")));
	}

	@Test
	void aFixTheDataDoesNotBackIsFlaggedAndOnlyAManagerMayVouchForIt() throws Exception {
		String problem = financeProblem();
		for (int day = 1; day <= 6; day++) {
			caseOpened(Duration.ofDays(4 * day));
		}
		deployFix(problem);
		this.clock.advance(Duration.ofDays(14));
		List<String> after = new ArrayList<>();
		for (int day = 1; day <= 3; day++) {
			after.add(caseOpened(Duration.ofDays(day)));
		}

		asManager(get("/api/problems/" + problem + "/verification")).andExpect(jsonPath("$.before").value(6))
			.andExpect(jsonPath("$.after").value(3))
			.andExpect(jsonPath("$.significantDrop").value(false))
			.andExpect(jsonPath("$.stillOccurring").value(true));
		asManager(json(post("/api/problems/" + problem + "/verify"), "{}")).andExpect(status().isConflict());
		as("fiona", json(post("/api/problems/" + problem + "/verify"), """
				{"reason":"trust me"}""")).andExpect(status().isForbidden());
		asManager(json(post("/api/problems/" + problem + "/verify"), """
				{"reason":"the three were customers billed before the fix"}""")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("verified"));
		assertThat(after).hasSize(3);
	}

	@Test
	void resolveAllProposesOnEveryOpenLinkedCaseAndEachCustomerStillConfirms() throws Exception {
		String problem = financeProblem();
		String open = caseOpened(Duration.ofDays(1));
		String waiting = caseOpened(Duration.ofDays(2));
		String closed = caseOpened(Duration.ofDays(3));
		this.cases.changeStatus(closed, CaseStatus.CLOSED, "duplicate", "alice");
		asManager(json(post("/api/problems/" + problem + "/cases"), """
				{"caseReferences":["%s","%s","%s"]}""".formatted(open, waiting, closed))).andExpect(status().isOk());
		asManager(json(post("/api/problems/" + problem + "/resolve-all"), """
				{"note":"We corrected the proration"}""")).andExpect(status().isConflict());
		deployFix(problem);

		asManager(json(post("/api/problems/" + problem + "/resolve-all"), """
				{"note":"We corrected the proration and refunded the double charge"}""")).andExpect(status().isOk())
			.andExpect(jsonPath("$.proposed.length()").value(2))
			.andExpect(jsonPath("$.failed.length()").value(0));

		assertThat(this.cases.find(open).orElseThrow().status()).isEqualTo(CaseStatus.AWAITING_CONFIRMATION);
		assertThat(this.cases.find(closed).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
	}

	@Test
	void aKnownErrorsWorkaroundIsShownOnMatchingCasesEvenBeforeTheyAreLinked() throws Exception {
		String problem = financeProblem();
		deployFix(problem);
		String matching = caseOpened(Duration.ofHours(1));

		this.mvc.perform(get("/cases/" + matching).with(user("alice").roles("AGENT")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Credit the difference")));
	}

	@Test
	void aKnownErrorNamedByAKnowledgeBaseKeyUpdatesThatCauseForDiagnosis() throws Exception {
		DiagnosisFixtures.demoKnowledgeBase(this.knowledgeBases);
		String problem = open("""
				{"title":"Tracking numbers point to the wrong courier","team":"shipping",
				 "rootCauseKey":"courier_tracking_feed","workaround":"Look the parcel up by order number",
				 "fixPlan":"Map the courier's new feed format"}""");
		asManager(json(post("/api/problems/" + problem + "/status"), """
				{"status":"investigating"}""")).andExpect(status().isOk());

		asManager(json(post("/api/problems/" + problem + "/status"), """
				{"status":"root_cause_known"}""")).andExpect(status().isOk());

		KnowledgeBase kb = KnowledgeBaseFile
			.read(this.knowledgeBases.file(this.knowledgeBases.current().orElseThrow().id()));
		assertThat(kb.cause("courier_tracking_feed")).hasValueSatisfying(c -> {
			assertThat(c.status()).isEqualTo(KnowledgeBase.CauseStatus.KNOWN);
			assertThat(c.team()).isEqualTo("shipping");
			assertThat(c.fix().action()).isEqualTo("Map the courier's new feed format");
			assertThat(c.workarounds()).extracting(KnowledgeBase.Remedy::action)
				.contains("Look the parcel up by order number");
		});
	}

	@Test
	void aRootCauseKnownOnlyInWordsBecomesAKnowledgeBaseCauseAndTheProblemTakesItsKey() throws Exception {
		DiagnosisFixtures.demoKnowledgeBase(this.knowledgeBases);
		String problem = open("""
				{"title":"Parcels shown delivered too early","team":"shipping",
				 "rootCauseText":"The courier's scan at the depot is read as a delivery",
				 "workaround":"Check the courier's own tracking page","fixPlan":"Ignore depot scans"}""");
		asManager(json(post("/api/problems/" + problem + "/status"), """
				{"status":"investigating"}""")).andExpect(status().isOk());
		asManager(json(post("/api/problems/" + problem + "/status"), """
				{"status":"root_cause_known"}""")).andExpect(status().isOk());

		String key = com.jayway.jsonpath.JsonPath.read(
				asManager(get("/api/problems/" + problem)).andReturn().getResponse().getContentAsString(),
				"$.problem.rootCauseKey");
		assertThat(key).startsWith("prb" + problem.substring("PRB-".length()) + "_the_courier_s_scan_at_the_depot")
			.hasSizeLessThanOrEqualTo(60);
		KnowledgeBase kb = KnowledgeBaseFile
			.read(this.knowledgeBases.file(this.knowledgeBases.current().orElseThrow().id()));
		assertThat(kb.cause(key)).hasValueSatisfying(c -> {
			assertThat(c.status()).isEqualTo(KnowledgeBase.CauseStatus.KNOWN);
			assertThat(c.team()).isEqualTo("shipping");
			assertThat(c.fix().action()).isEqualTo("Ignore depot scans");
		});
	}

	@Test
	void textsLongerThanAProblemKeepsAreRefusedAndNothingIsStored() throws Exception {
		String problem = financeProblem();
		Map<String, String> tooLong = Map.of("owner", "o".repeat(61), "rootCauseKey", "k".repeat(81), "reasonKey",
				"r".repeat(81), "rootCauseText", "t".repeat(2001));
		for (var field : tooLong.entrySet()) {
			String body = this.mapper.writeValueAsString(
					Map.of("title", "Too long " + field.getKey(), "team", "finance", field.getKey(), field.getValue()));
			asManager(json(post("/api/problems"), body)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value(field.getKey()));
			asManager(json(
					org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/problems/" + problem),
					body))
				.andExpect(status().isBadRequest());
		}
		asManager(json(post("/api/problems/" + problem + "/status"),
				this.mapper.writeValueAsString(Map.of("status", "investigating", "reason", "w".repeat(2001)))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("a reason is at most 2000 characters"));

		assertThat(this.problems.get(problem).status()).isEqualTo(ProblemStatus.NEW);
		assertThat(this.problems.get(problem).title()).isEqualTo("Upgrades are charged twice");
		assertThat(this.problems.list("finance", null, 500))
			.noneSatisfy(p -> assertThat(p.title()).startsWith("Too long"));

		asManager(json(post("/api/problems/" + problem + "/status"),
				this.mapper.writeValueAsString(Map.of("status", "investigating", "reason", "w".repeat(2000)))))
			.andExpect(status().isOk());
		assertThat(this.problems.history(problem)).last().satisfies(h -> assertThat(h.reason()).hasSize(2000));
	}

	@Test
	void badRequestsAreClearErrors() throws Exception {
		asManager(json(post("/api/problems"), """
				{"title":"","team":"finance"}""")).andExpect(status().isBadRequest());
		asManager(json(post("/api/problems"), """
				{"title":"x","team":"no-such-team"}""")).andExpect(status().isBadRequest());
		asManager(get("/api/problems/PRB-999999")).andExpect(status().isNotFound());
		asManager(get("/api/problems/not-a-reference")).andExpect(status().isBadRequest());
		String problem = financeProblem();
		asManager(get("/api/problems/" + problem + "/verification")).andExpect(status().isConflict());
		asManager(json(post("/api/problems/" + problem + "/cases"), "{}")).andExpect(status().isBadRequest());
	}

}

package io.rootcase.problems;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.TestFixtures;
import io.rootcase.cases.ActionKind;
import io.rootcase.cases.Cases;
import io.rootcase.customers.IdentityKind;
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
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RootcaseIntegrationTest
class ProblemAnalysisApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ContactIntake intake;

	@Autowired
	Cases cases;

	@Autowired
	TestClock clock;

	@Autowired
	Problems problems;

	ResultActions asManager(MockHttpServletRequestBuilder request, String body) throws Exception {
		return this.mvc.perform(request.header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	String problem(String team) throws Exception {
		return JsonPath.read(asManager(post("/api/problems"), """
				{"title":"Tracking numbers point to the wrong courier","team":"%s"}""".formatted(team)).andReturn()
			.getResponse()
			.getContentAsString(), "$.reference");
	}

	String contact(Channel channel, String email, String caseReference) {
		return this.intake
			.receive(new IncomingContact(channel, Direction.INBOUND, this.clock.instant(), "Tracking shows nothing",
					Map.of(IdentityKind.EMAIL, email), null, null, caseReference, null))
			.caseReference();
	}

	@Test
	void aBlamelessAnalysisIsSavedAndReadBackAsOneDocument() throws Exception {
		String p = problem("shipping");

		asManager(put("/api/problems/" + p + "/analysis"), """
				{"timeline":[{"at":"2026-11-01T09:00:00Z","what":"Courier feed switched to the new format"}],
				 "whys":["Tracking numbers were empty","The feed parser expected the old format",
				         "The format change was not announced to us"],
				 "factors":[{"category":"partner","description":"No change notice from the courier"},
				            {"category":"tooling","description":"No alert on an empty feed"}],
				 "wentWell":["Support spotted the pattern within a day"]}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.whys.length()").value(3));

		asManager(get("/api/problems/" + p + "/analysis"), "")
			.andExpect(jsonPath("$.timeline[0].what").value("Courier feed switched to the new format"))
			.andExpect(jsonPath("$.factors[1].category").value("tooling"))
			.andExpect(jsonPath("$.wentWell[0]").value("Support spotted the pattern within a day"));
		asManager(put("/api/problems/" + p + "/analysis"), """
				{"factors":[{"description":"no category"}]}""").andExpect(status().isBadRequest());
		asManager(get("/api/problems/" + p + "/analysis"), "").andExpect(jsonPath("$.factors.length()").value(2));
	}

	@Test
	void actionItemsNeedAnOwnerAndOverdueOnesShowOnTheTeamsView() throws Exception {
		String p = problem("shipping");
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);

		asManager(post("/api/problems/" + p + "/action-items"), """
				{"title":"Alert on an empty courier feed","ownerTeam":"shipping","due":"%s"}""".formatted(today))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("owner")));
		asManager(post("/api/problems/" + p + "/action-items"),
				"""
						{"title":"Alert on an empty courier feed","ownerTeam":"shipping","owner":"%s","due":"%s"}"""
					.formatted("o".repeat(61), today))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("an owner's name is at most 60 characters"));
		String id = JsonPath.read(asManager(post("/api/problems/" + p + "/action-items"),
				"""
						{"title":"Alert on an empty courier feed","ownerTeam":"shipping","owner":"erik","due":"%s"}"""
					.formatted(today.plusDays(3)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.overdue").value(false))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");

		this.clock.advance(Duration.ofDays(5));

		asManager(get("/api/teams/shipping/problems"), "")
			.andExpect(jsonPath("$.actionItems[?(@.id == '" + id + "')].overdue").value(true))
			.andExpect(jsonPath("$.problems[?(@.problem.reference == '" + p + "')]").exists());
		this.mvc
			.perform(post("/api/action-items/" + id + "/close").with(user("alice").roles("AGENT"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"status":"done"}"""))
			.andExpect(status().isForbidden());
		asManager(post("/api/action-items/" + id + "/close"), """
				{"status":"done"}""").andExpect(jsonPath("$.status").value("done"))
			.andExpect(jsonPath("$.overdue").value(false));
		asManager(post("/api/action-items/" + id + "/close"), """
				{"status":"cancelled"}""").andExpect(status().isConflict());
	}

	@Test
	void impactCountsTheLinkedCasesContactsCustomersMinutesAndCost() throws Exception {
		String p = problem("shipping");
		String phoneCase = contact(Channel.PHONE, "imp-" + UUID.randomUUID() + "@example.com", null);
		String email = "imp-" + UUID.randomUUID() + "@example.com";
		String emailCase = contact(Channel.EMAIL, email, null);
		contact(Channel.EMAIL, email, emailCase);
		this.cases.recordAction(phoneCase, ActionKind.DIAGNOSTIC, "Checked the courier feed", 10, "erik");
		asManager(post("/api/problems/" + p + "/cases"), """
				{"caseReferences":["%s","%s"]}""".formatted(phoneCase, emailCase)).andExpect(status().isOk());

		// 1 phone contact at 9, 2 e-mails at 4, 10 agent minutes at 0.8: 25.0
		asManager(get("/api/problems/" + p + "/impact"), "").andExpect(jsonPath("$.cases").value(2))
			.andExpect(jsonPath("$.contacts").value(3))
			.andExpect(jsonPath("$.customers").value(2))
			.andExpect(jsonPath("$.agentMinutes").value(10))
			.andExpect(jsonPath("$.cost").value(25.0))
			.andExpect(jsonPath("$.contactsPerDay[0].contacts").value(3));
		asManager(get("/api/problems/" + p), "").andExpect(jsonPath("$.impact.cost").value(25.0));
	}

	@Test
	void openProblemsOfEveryTeamAreRankedByWhatTheyCostAndVerifiedOnesLeaveTheRanking() throws Exception {
		String cheap = problem("shipping");
		contactOn(cheap, Channel.EMAIL);
		String dear = problem("finance");
		String phoneCase = contactOn(dear, Channel.PHONE);
		this.cases.recordAction(phoneCase, ActionKind.DIAGNOSTIC, "Read the ledger", 10, "dana");
		String done = problem("product");
		contactOn(done, Channel.PHONE);
		contactOn(done, Channel.PHONE);
		Problems.Actor maria = new Problems.Actor("maria", true);
		this.problems.describe(done,
				new Problems.ProblemForm("Leaflet shows a grey port", null, "product", null, null,
						"The leaflet was printed from an old draft", null, "Use the yellow port", null, null, null),
				maria);
		for (ProblemStatus step : List.of(ProblemStatus.INVESTIGATING, ProblemStatus.ROOT_CAUSE_KNOWN,
				ProblemStatus.FIX_IN_PROGRESS, ProblemStatus.FIX_DEPLOYED)) {
			this.problems.moveTo(done, step, "reprinted", maria);
		}
		this.problems.verify(done, "the new leaflets ship", maria);

		String ranked = asManager(get("/api/problems/by-cost"), "").andExpect(status().isOk())
			// 1 phone contact at 9 and 10 agent minutes at 0.8: 17.0; 1 e-mail at 4: 4.0
			.andExpect(jsonPath("$[?(@.problem.reference == '" + dear + "')].impact.cost").value(17.0))
			.andExpect(jsonPath("$[?(@.problem.reference == '" + dear + "')].impact.cases").value(1))
			.andExpect(jsonPath("$[?(@.problem.reference == '" + cheap + "')].impact.cost").value(4.0))
			.andExpect(jsonPath("$[?(@.problem.reference == '" + done + "')]").isEmpty())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> order = JsonPath.read(ranked, "$[*].problem.reference");
		assertThat(order.indexOf(dear)).isNotNegative().isLessThan(order.indexOf(cheap));
		List<Double> costs = JsonPath.read(ranked, "$[*].impact.cost");
		assertThat(costs).isSortedAccordingTo(java.util.Comparator.reverseOrder());

		asManager(get("/api/problems/by-cost?team=finance"), "")
			.andExpect(jsonPath("$[?(@.problem.team != 'finance')]").isEmpty())
			.andExpect(jsonPath("$[?(@.problem.reference == '" + dear + "')]").isNotEmpty());
		asManager(get("/api/problems/by-cost?team=nope"), "").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("nope")));
	}

	/**
	 * A new customer's inbound contact on the channel, its case linked to the problem.
	 */
	String contactOn(String problem, Channel channel) throws Exception {
		String reference = contact(channel, "rank-" + UUID.randomUUID() + "@example.com", null);
		asManager(post("/api/problems/" + problem + "/cases"), """
				{"caseReferences":["%s"]}""".formatted(reference)).andExpect(status().isOk());
		return reference;
	}

}

package io.rootcase;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.rootcase.cases.Cases;
import io.rootcase.customers.IdentityKind;
import io.rootcase.followups.FollowUps;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.IncomingContact;
import io.rootcase.problems.Problems;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Dates a person could mistype: a contact before 1970, a plan (a fix's target date, an
 * action item's or follow-up's due date) more than twenty years ahead, a report's period
 * past the year 9999. Each is a 400 naming the field, and nothing is stored; on
 * PostgreSQL the far ones used to fail the request inside the database.
 */
@RootcaseIntegrationTest
class DateLimitsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	ContactIntake intake;

	@Autowired
	Cases cases;

	@Autowired
	Problems problems;

	@Autowired
	FollowUps followUps;

	@Autowired
	TestClock clock;

	ResultActions asManager(MockHttpServletRequestBuilder request, Map<String, ?> body) throws Exception {
		return this.mvc.perform(request.header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body)));
	}

	static void refused(ResultActions answer, String field) throws Exception {
		answer.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(field));
	}

	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	@Test
	void aContactFromBefore1970IsRefusedAndOneFrom1970IsTaken() throws Exception {
		String email = "old-" + UUID.randomUUID() + "@example.com";
		Map<String, Object> contact = Map.of("channel", "email", "direction", "inbound", "occurredAt",
				"1969-12-31T23:59:59Z", "customer", Map.of("email", email), "text", "A letter from long ago");

		refused(asManager(post("/api/contacts"), contact), "occurredAt");
		assertThat(this.mvc
			.perform(get("/api/customers").param("q", email)
				.header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN))
			.andReturn()
			.getResponse()
			.getContentAsString()).isEqualTo("[]");

		asManager(post("/api/contacts"), Map.of("channel", "email", "direction", "inbound", "occurredAt",
				"1970-01-01T00:00:00Z", "customer", Map.of("email", email), "text", "A letter from long ago"))
			.andExpect(status().isCreated());
	}

	@Test
	void aPlanMoreThanTwentyYearsAheadIsRefused() throws Exception {
		LocalDate tooFar = today().plusYears(20).plusDays(1);
		refused(asManager(post("/api/problems"),
				Map.of("title", "Far target", "team", "finance", "fixTargetDate", tooFar.toString())), "fixTargetDate");
		refused(asManager(post("/api/problems"),
				Map.of("title", "Far target", "team", "finance", "fixTargetDate", "+999999999-12-31")),
				"fixTargetDate");
		assertThat(this.problems.list("finance", null, 500))
			.noneSatisfy(p -> assertThat(p.title()).isEqualTo("Far target"));

		String problem = JsonPath.read(asManager(post("/api/problems"),
				Map.of("title", "Near target", "team", "finance", "fixTargetDate", today().plusYears(20).toString()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.reference");
		refused(asManager(put("/api/problems/" + problem),
				Map.of("title", "Near target", "team", "finance", "fixTargetDate", tooFar.toString())),
				"fixTargetDate");
		refused(asManager(post("/api/problems/" + problem + "/action-items"),
				Map.of("title", "Alert on it", "ownerTeam", "finance", "owner", "fiona", "due", tooFar.toString())),
				"due");
		assertThat(this.problems.get(problem).fixTargetDate()).isEqualTo(today().plusYears(20));
		assertThat(this.problems.actionItems(problem)).isEmpty();

		String reference = this.intake
			.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND,
					this.clock.instant().minus(Duration.ofMinutes(5)), "When will you call back?",
					Map.of(IdentityKind.EMAIL, "plan-" + UUID.randomUUID() + "@example.com"), null, null, null, null))
			.caseReference();
		refused(asManager(post("/api/cases/" + reference + "/follow-ups"),
				Map.of("dueAt", "+294277-01-01T00:00:00Z", "owner", "fiona", "note", "Call back")), "dueAt");
		assertThat(this.followUps.ofCases(java.util.List.of(this.cases.find(reference).orElseThrow()))).isEmpty();
	}

	@Test
	void aReportPastTheYear9999IsRefused() throws Exception {
		refused(this.mvc.perform(get("/api/metrics/resolution").param("from", "+10000-01-01T00:00:00Z")
			.param("to", "+10000-02-01T00:00:00Z")
			.header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN)), "from");
	}

}

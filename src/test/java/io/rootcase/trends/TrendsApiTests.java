package io.rootcase.trends;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.TestFixtures;
import io.rootcase.cases.Cases;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.IncomingContact;
import io.rootcase.reasons.ReasonTaxonomy;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RootcaseIntegrationTest
class TrendsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ContactIntake intake;

	@Autowired
	Cases cases;

	@Autowired
	TestClock clock;

	@Autowired
	ReasonTaxonomy taxonomy;

	@Autowired
	ApplicationContext context;

	final String reason = "trd_" + UUID.randomUUID().toString().substring(0, 8);

	ResultActions asManager(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN));
	}

	ResultActions asAgent(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN));
	}

	static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	String contact(Instant at, String plan) {
		return LastHourSurge.contact(this.context, this.reason, at, plan);
	}

	String contact(Instant at, String plan, String email) {
		return LastHourSurge.contact(this.context, this.reason, at, plan, email);
	}

	long dailyTotal(String key) throws Exception {
		String body = asAgent(get("/api/trends/series/daily").param("key", key).param("days", "40")).andReturn()
			.getResponse()
			.getContentAsString();
		List<Integer> counts = JsonPath.read(body, "$.contacts");
		return counts.stream().mapToLong(Integer::longValue).sum();
	}

	@Test
	void contactsAreCountedUnderTheirCasesReasonAndSegmentAndMoveWhenTheReasonChanges() throws Exception {
		Instant at = this.clock.instant().minus(Duration.ofDays(2));
		String first = contact(at, "gold");
		contact(at.plus(Duration.ofHours(1)), "basic");
		await().untilAsserted(() -> {
			assertThat(dailyTotal("reason:" + this.reason)).isEqualTo(2);
			assertThat(dailyTotal("reason:" + this.reason + "|plan=gold")).isEqualTo(1);
		});

		String other = this.reason + "_b";
		this.cases.chooseReason(first, other, "alice");
		await().untilAsserted(() -> {
			assertThat(dailyTotal("reason:" + this.reason)).isEqualTo(1);
			assertThat(dailyTotal("reason:" + other)).isEqualTo(1);
			assertThat(dailyTotal("reason:" + other + "|plan=gold")).isEqualTo(1);
			assertThat(dailyTotal("reason:" + this.reason + "|plan=gold")).isEqualTo(0);
		});
	}

	@Test
	void aCaseWhoseContactsSpanSeveralDaysMovesThemAllWhenItsReasonChanges() throws Exception {
		Instant at = this.clock.instant().minus(Duration.ofDays(3));
		String email = "trd-" + UUID.randomUUID() + "@example.com";
		String reference = contact(at, "gold", email);
		for (int day = 1; day <= 2; day++) {
			this.intake.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND, at.plus(Duration.ofDays(day)),
					"Still charged twice", Map.of(IdentityKind.EMAIL, email), null, null, reference, null));
		}
		await().untilAsserted(() -> assertThat(dailyTotal("reason:" + this.reason)).isEqualTo(3));

		String other = this.reason + "_c";
		this.cases.chooseReason(reference, other, "alice");
		await().untilAsserted(() -> {
			assertThat(dailyTotal("reason:" + this.reason)).isZero();
			assertThat(dailyTotal("reason:" + other)).isEqualTo(3);
			assertThat(dailyTotal("reason:" + other + "|plan=gold")).isEqualTo(3);
		});
	}

	@Test
	void aMergedReasonsContactsCountUnderTheSurvivorAndKeepDoingSo() throws Exception {
		String survivor = this.reason + "_s";
		this.taxonomy.add(new ReasonTaxonomy.Definition(this.reason, "Charged twice (trend test)", null, null, null));
		this.taxonomy.add(new ReasonTaxonomy.Definition(survivor, "Billing error (trend test)", null, null, null));
		Instant at = this.clock.instant().minus(Duration.ofDays(3));
		String email = "trd-" + UUID.randomUUID() + "@example.com";
		String first = contact(at, "gold", email);
		contact(at.plus(Duration.ofHours(2)), "basic");
		await().untilAsserted(() -> assertThat(dailyTotal("reason:" + this.reason)).isEqualTo(2));

		this.taxonomy.merge(this.reason, survivor);
		await().untilAsserted(() -> {
			assertThat(dailyTotal("reason:" + this.reason)).isZero();
			assertThat(dailyTotal("reason:" + this.reason + "|plan=gold")).isZero();
			assertThat(dailyTotal("reason:" + survivor)).isEqualTo(2);
			assertThat(dailyTotal("reason:" + survivor + "|plan=gold")).isEqualTo(1);
		});

		// The case keeps the merged reason; its next contact still counts under the
		// survivor, and so does a recount.
		this.intake.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND, at.plus(Duration.ofDays(1)),
				"Still charged twice", Map.of(IdentityKind.EMAIL, email), null, null, first, null));
		await().untilAsserted(() -> assertThat(dailyTotal("reason:" + survivor)).isEqualTo(3));
		asManager(post("/api/trends/rebuild")).andExpect(status().isOk());
		assertThat(dailyTotal("reason:" + survivor)).isEqualTo(3);
		assertThat(dailyTotal("reason:" + this.reason)).isZero();
	}

	@Test
	void aSurgeIsAlertedWithItsEvidenceAndAManagerTurnsItIntoAProblemInOneStep() throws Exception {
		LastHourSurge surge = LastHourSurge.of(this.context, this.reason, this.clock.instant());
		Instant lastHour = surge.hour();
		long total = surge.total();
		await().untilAsserted(() -> assertThat(dailyTotal("reason:" + this.reason)).isEqualTo(total));

		// Recounting from the stored contacts gives the same counts, and the watch tests
		// the last week again.
		asManager(post("/api/trends/rebuild")).andExpect(status().isOk());
		assertThat(dailyTotal("reason:" + this.reason)).isEqualTo(total);
		asManager(post("/api/trends/watch")).andExpect(status().isOk())
			.andExpect(jsonPath("$.hours").value(org.hamcrest.Matchers.greaterThan(24)));

		String alerts = asAgent(get("/api/trends/alerts").param("state", "open")).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> ids = JsonPath.read(alerts,
				"$[?(@.series.reason == '" + this.reason + "' && @.series.attribute == null)].id");
		assertThat(ids).hasSize(1);
		String id = ids.get(0);
		// The plan the surge came from surged in its own right: part of the reason's
		// surge, shown with it rather than as a surge of its own.
		assertThat(JsonPath.<List<String>>read(alerts, "$[?(@.series.attribute != null)].series.reason"))
			.doesNotContain(this.reason);

		String details = asAgent(get("/api/trends/alerts/" + id)).andExpect(status().isOk())
			.andExpect(jsonPath("$.alert.state").value("open"))
			.andExpect(jsonPath("$.alert.since").value(lastHour.toString()))
			.andExpect(jsonPath("$.alert.observed").value(14))
			.andExpect(jsonPath("$.concentrations[0].attribute").value("plan"))
			.andExpect(jsonPath("$.concentrations[0].value").value("gold"))
			.andExpect(jsonPath("$.customers").value(14))
			.andExpect(jsonPath("$.segments[?(@.series.attribute == 'plan')].series.value").value(contains("gold")))
			.andExpect(jsonPath("$.segments[*].partOf").value(everyItem(org.hamcrest.Matchers.is(id))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> evidence = JsonPath.read(details, "$.cases");
		assertThat(evidence).containsExactlyInAnyOrderElementsOf(surge.cases());
		List<String> hours = JsonPath.read(details, "$.chart.hours");
		List<Integer> observed = JsonPath.read(details, "$.chart.observed");
		List<Integer> upper = JsonPath.read(details, "$.chart.upper");
		int surgeHour = hours.indexOf(lastHour.toString());
		assertThat(observed.get(surgeHour)).isEqualTo(14).isGreaterThan(upper.get(surgeHour));

		asAgent(json(post("/api/trends/alerts/" + id + "/problem"), """
				{"title":"Double charges","team":"finance"}""")).andExpect(status().isForbidden());
		asManager(json(post("/api/trends/alerts/" + id + "/dismiss"), """
				{"reason":"  "}""")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("say why")));
		asManager(json(post("/api/trends/alerts/" + id + "/dismiss"), """
				{"reason":"%s"}""".formatted("w".repeat(501)))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("a reason is at most 500 characters"));

		String problem = JsonPath.read(asManager(json(post("/api/trends/alerts/" + id + "/problem"), """
				{"title":"Double charges","team":"finance"}""")).andExpect(status().isCreated())
			.andExpect(jsonPath("$.reasonKey").value(this.reason))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.reference");
		String linked = asManager(get("/api/problems/" + problem + "/cases")).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> references = JsonPath.read(linked, "$[*].reference");
		assertThat(references).containsExactlyInAnyOrderElementsOf(surge.cases());
		asManager(get("/api/trends/alerts/" + id)).andExpect(jsonPath("$.alert.state").value("problem"))
			.andExpect(jsonPath("$.alert.problemReference").value(problem))
			.andExpect(jsonPath("$.segments[*].state").value(everyItem(org.hamcrest.Matchers.is("problem"))))
			.andExpect(jsonPath("$.segments[*].problemReference").value(everyItem(org.hamcrest.Matchers.is(problem))));

		asManager(json(post("/api/trends/alerts/" + id + "/dismiss"), """
				{"reason":"campaign"}""")).andExpect(status().isConflict());
	}

	@Test
	void anUnknownAlertOrSeriesIsAClearError() throws Exception {
		asAgent(get("/api/trends/alerts/" + UUID.randomUUID())).andExpect(status().isNotFound());
		asAgent(get("/api/trends/series/daily").param("key", "nonsense")).andExpect(status().isBadRequest());
		asAgent(get("/api/trends/alerts").param("state", "maybe")).andExpect(status().isBadRequest());
		asAgent(post("/api/trends/watch")).andExpect(status().isForbidden());
	}

}

package io.rootcase.reasons;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.TestFixtures;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RootcaseIntegrationTest
class ReasonTaxonomyApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ContactReasons contactReasons;

	@Autowired
	ReasonTaxonomy taxonomy;

	@Autowired
	ContactIntake intake;

	@Autowired
	Cases cases;

	@Autowired
	TestClock clock;

	static MockHttpServletRequestBuilder asManager(MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN)
			.contentType(MediaType.APPLICATION_JSON);
	}

	static MockHttpServletRequestBuilder asAgent(MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN)
			.contentType(MediaType.APPLICATION_JSON);
	}

	String key() {
		return "r" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void managersAddRenameMergeAndRetireReasonsKeepingTheirKeys() throws Exception {
		String refunds = key();
		String billing = key();
		String old = key();
		this.mvc.perform(asManager(post("/api/reasons")).content("""
				{"key":"%s","name":"Billing","team":"finance"}""".formatted(billing))).andExpect(status().isCreated());
		this.mvc.perform(asManager(post("/api/reasons")).content("""
				{"key":"%s","name":"Refund","parentKey":"%s"}""".formatted(refunds, billing)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("active"));
		this.mvc.perform(asManager(put("/api/reasons/" + refunds)).content("""
				{"name":"Refund requests","description":"Money back","parentKey":"%s"}""".formatted(billing)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.key").value(refunds))
			.andExpect(jsonPath("$.name").value("Refund requests"));
		this.mvc.perform(asManager(post("/api/reasons")).content("""
				{"key":"%s","name":"Old refunds"}""".formatted(old))).andExpect(status().isCreated());

		this.mvc.perform(asManager(post("/api/reasons/" + old + "/merge")).content("""
				{"into":"%s"}""".formatted(refunds)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("merged"))
			.andExpect(jsonPath("$.mergedInto").value(refunds));
		assertThat(this.taxonomy.current(old)).map(ReasonView::key).contains(refunds);

		this.mvc.perform(asManager(post("/api/reasons/" + refunds + "/retire")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("retired"));
		assertThat(this.taxonomy.current(old)).isEmpty();
		this.mvc.perform(asManager(post("/api/reasons/" + refunds + "/reinstate")))
			.andExpect(jsonPath("$.status").value("active"));
	}

	@Test
	void badOrConflictingChangesAreRefusedWithAProblemDetail() throws Exception {
		String a = key();
		this.mvc.perform(asManager(post("/api/reasons")).content("""
				{"key":"%s","name":"A"}""".formatted(a))).andExpect(status().isCreated());

		this.mvc.perform(asManager(post("/api/reasons")).content("""
				{"key":"Not A Key","name":"x"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").exists());
		this.mvc.perform(asManager(post("/api/reasons")).content("""
				{"key":"%s","name":"again"}""".formatted(a))).andExpect(status().isConflict());
		this.mvc.perform(asManager(post("/api/reasons")).content("""
				{"key":"%s","name":"x","team":"no-such-team"}""".formatted(key()))).andExpect(status().isBadRequest());
		this.mvc.perform(asManager(put("/api/reasons/" + a)).content("""
				{"name":"A","parentKey":"%s"}""".formatted(a))).andExpect(status().isBadRequest());
		this.mvc.perform(asManager(post("/api/reasons/" + a + "/merge")).content("""
				{"into":"%s"}""".formatted(a))).andExpect(status().isBadRequest());
		this.mvc.perform(asManager(post("/api/reasons/nope/retire"))).andExpect(status().isNotFound());
		this.mvc.perform(asAgent(post("/api/reasons")).content("""
				{"key":"%s","name":"x"}""".formatted(key()))).andExpect(status().isForbidden());

		assertThat(this.taxonomy.find(a)).map(ReasonView::name).contains("A");
	}

	@Test
	void anImportWithABadRowOrUnknownReasonImportsNothingAndNamesTheLines() throws Exception {
		String known = key();
		this.taxonomy.add(new ReasonTaxonomy.Definition(known, "Known", null, null, null));
		long before = this.contactReasons.countExamples(null);

		this.mvc.perform(asManager(post("/api/reasons/examples")).contentType("text/csv").content("""
				text,category
				"fine row",%s
				"",%s
				"unknown reason row",no_such_reason
				""".formatted(known, known)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].position").value(3));
		this.mvc.perform(asManager(post("/api/reasons/examples")).contentType("text/csv").content("""
				text,category
				"fine row",%s
				"unknown reason row",no_such_reason
				""".formatted(known)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].position").value(3));
		assertThat(this.contactReasons.countExamples(null)).isEqualTo(before);

		this.mvc.perform(asManager(post("/api/reasons/examples")).contentType("text/csv").content("""
				text,category
				"a good example",%s
				""".formatted(known)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.imported").value(1))
			.andExpect(jsonPath("$.warnings[0]").value(org.hamcrest.Matchers.containsString("only 1 example")));
		assertThat(this.contactReasons.countExamples(null)).isEqualTo(before + 1);
	}

	@Test
	void reportsCountCasesOfAMergedReasonUnderTheSurvivorWhileTheirLabelsStay() throws Exception {
		String survivor = key();
		String merged = key();
		this.taxonomy.add(new ReasonTaxonomy.Definition(survivor, "Survivor", null, null, null));
		this.taxonomy.add(new ReasonTaxonomy.Definition(merged, "Merged", null, null, null));
		Instant from = this.clock.instant().minusSeconds(60);
		for (String reason : List.of(survivor, merged, merged)) {
			String reference = this.intake.receive(new IncomingContact(Channel.SOCIAL, Direction.INBOUND,
					this.clock.instant(), "merge test " + reason,
					Map.of(IdentityKind.EMAIL, "merge-" + UUID.randomUUID() + "@example.com"), null, null, null, null))
				.caseReference();
			this.cases.chooseReason(reference, reason, "alice");
		}

		this.taxonomy.merge(merged, survivor);

		this.mvc
			.perform(asManager(get("/api/metrics/resolution/breakdown")).param("from", from.toString())
				.param("to", this.clock.instant().plusSeconds(60).toString())
				.param("by", "reason")
				.param("channel", "social"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$." + survivor + ".cases").value(3))
			.andExpect(jsonPath("$." + merged).doesNotExist());
		this.mvc
			.perform(asManager(get("/api/metrics/resolution")).param("from", from.toString())
				.param("to", this.clock.instant().plusSeconds(60).toString())
				.param("reason", survivor)
				.param("channel", "social"))
			.andExpect(jsonPath("$.cases").value(3));
	}

	@Test
	void readsTheTaxonomyAsAnAgent() throws Exception {
		String k = key();
		this.taxonomy.add(new ReasonTaxonomy.Definition(k, "Readable", null, null, null));

		this.mvc.perform(asAgent(get("/api/reasons")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.key == '" + k + "')].name").value("Readable"));
	}

}

package io.rootcase.notices;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.TestFixtures;
import io.rootcase.cases.CaseStatus;
import io.rootcase.cases.Cases;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.Contact;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactReceipt;
import io.rootcase.intake.IncomingContact;
import io.rootcase.resolution.Resolutions;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A problem's team tells the customers it affects, including those in its segment who
 * have not called yet, and sees who called anyway.
 */
@RootcaseIntegrationTest
class NoticeApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ContactIntake intake;

	@Autowired
	Cases cases;

	@Autowired
	CustomerDirectory customers;

	@Autowired
	TestClock clock;

	@Autowired
	Resolutions resolutions;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	final String reason = "ntc_" + this.tag;

	final String plan = "Fibre " + this.tag;

	String problem;

	/** Ana: a linked open case. */
	ContactReceipt ana;

	/** Ben: a linked case that is closed, outside the segment. */
	ContactReceipt ben;

	/** Cleo: in the segment, has not called; we know her phone only. */
	UUID cleo;

	/** Dan: in the segment, has not called; we know his account number only. */
	UUID dan;

	/** Eve: outside the segment, has not called. */
	UUID eve;

	@BeforeEach
	void aProblemWithLinkedCasesAndASegment() throws Exception {
		this.ana = contact(Map.of(IdentityKind.EMAIL, "ana-" + this.tag + "@example.com"), "Charged twice");
		this.ben = contact(Map.of(IdentityKind.EMAIL, "ben-" + this.tag + "@example.com"), "Charged twice too");
		this.cases.changeStatus(this.ben.caseReference(), CaseStatus.CLOSED, "credited", "alice");
		this.cleo = customer(Map.of(IdentityKind.PHONE, "+49151" + (10_000_000 + this.tag.hashCode() % 9_000_000)),
				this.plan);
		this.dan = customer(Map.of(IdentityKind.ACCOUNT_NUMBER, "ACC-" + this.tag), this.plan);
		this.eve = customer(Map.of(IdentityKind.EMAIL, "eve-" + this.tag + "@example.com"), "Copper 16");
		this.customers.describe(this.ana.customerId(), Map.of("plan", "Copper 16"));
		this.problem = JsonPath.read(asManager(json(post("/api/problems"),
				"""
						{"title":"Upgrades are charged twice","team":"finance","reasonKey":"%s","segment":"plan=%s",
						 "workaround":"Credit the difference","fixTargetDate":"2026-12-20"}""".formatted(this.reason,
						this.plan)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.reference");
		asManager(json(post("/api/problems/" + this.problem + "/cases"), """
				{"caseReferences":["%s","%s"]}""".formatted(this.ana.caseReference(), this.ben.caseReference())))
			.andExpect(status().isOk());
	}

	ContactReceipt contact(Map<IdentityKind, String> identity, String text) {
		return this.intake.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND,
				this.clock.instant().minus(Duration.ofHours(2)), text, identity, null, null, null, null));
	}

	UUID customer(Map<IdentityKind, String> identity, String plan) {
		UUID id = this.customers.recognise(this.customers.identities(identity), null);
		this.customers.describe(id, Map.of("plan", plan));
		return id;
	}

	static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	ResultActions asManager(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN));
	}

	ResultActions tell(String message) throws Exception {
		return asManager(json(post("/api/problems/" + this.problem + "/notices"), """
				{"message":"%s"}""".formatted(message)));
	}

	@Test
	void theAudienceIsTheOpenLinkedCasesAndTheRestOfTheSegment() throws Exception {
		asManager(get("/api/problems/" + this.problem + "/notices/audience")).andExpect(status().isOk())
			.andExpect(jsonPath("$.withLinkedCases").value(1))
			.andExpect(jsonPath("$.inSegmentOnly").value(2))
			.andExpect(jsonPath("$.toldEarlierOnly").value(0))
			.andExpect(jsonPath("$.total").value(3));
	}

	@Test
	void everyAffectedCustomerWeCanReachIsToldOnceAndWhoCalledSinceIsCounted() throws Exception {
		String body = tell("We know you were charged twice. We will credit it by 20 December.")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.told").value(2))
			.andExpect(jsonPath("$.toldBeforeTheyCalled").value(1))
			.andExpect(jsonPath("$.unreachable").value(1))
			.andExpect(jsonPath("$.calledSince").value(0))
			.andExpect(jsonPath("$.problemReference").value(this.problem))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(body, "$.id");

		asManager(get("/api/problems/" + this.problem + "/notices/" + id + "/recipients").param("limit", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(header().string("X-Total-Count", "2"));
		asManager(get("/api/problems/" + this.problem + "/notices/" + id + "/recipients").param("limit", "1")
			.param("offset", "1")).andExpect(jsonPath("$", hasSize(1)));
		asManager(get("/api/problems/" + this.problem + "/notices/" + id + "/recipients").param("offset", "-1"))
			.andExpect(status().isBadRequest());
		asManager(get("/api/problems/" + this.problem + "/notices/" + id + "/recipients")).andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[?(@.customerId == '%s')].channel".formatted(this.ana.customerId()))
				.value(hasItem("email")))
			.andExpect(jsonPath("$[?(@.customerId == '%s')].caseId".formatted(this.ana.customerId()))
				.value(hasItem(this.ana.caseId().toString())))
			.andExpect(jsonPath("$[?(@.customerId == '%s')].channel".formatted(this.cleo)).value(hasItem("phone")))
			.andExpect(jsonPath("$[?(@.customerId == '%s')].caseId".formatted(this.cleo)).value(hasItem(nullValue())));

		// Cleo calls anyway, about the problem's reason: the notice did not spare her.
		this.clock.advance(Duration.ofHours(1));
		ContactReceipt call = this.intake.receive(new IncomingContact(Channel.PHONE, Direction.INBOUND,
				this.clock.instant(), "Is my bill really going to be fixed?",
				Map.of(IdentityKind.PHONE, this.customers.find(this.cleo).orElseThrow().identities().get(0).value()),
				null, null, null, null));
		this.cases.chooseReason(call.caseReference(), this.reason, "alice");
		asManager(get("/api/problems/" + this.problem + "/notices")).andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].calledSince").value(1))
			.andExpect(jsonPath("$[0].message")
				.value("We know you were charged twice. We will credit it by 20 December."));
	}

	@Test
	void theNoticeIsOnTheTimelineOfEachCustomerToldAndFollowsAMerge() throws Exception {
		tell("We know about the double charge.").andExpect(status().isCreated());

		asManager(get("/api/customers/" + this.ana.customerId() + "/timeline"))
			.andExpect(
					jsonPath("$.entries[?(@.kind == 'notice')].caseReference").value(hasItem(this.ana.caseReference())))
			.andExpect(jsonPath("$.entries[?(@.kind == 'notice')].summary")
				.value(hasItem(containsString("told about " + this.problem + " (ana-" + this.tag))));
		asManager(get("/api/customers/" + this.eve + "/timeline"))
			.andExpect(jsonPath("$.entries[?(@.kind == 'notice')]", hasSize(0)));

		asManager(json(post("/api/customers/" + this.eve + "/merge"), """
				{"mergeCustomerId":"%s"}""".formatted(this.cleo))).andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> asManager(get("/api/customers/" + this.eve + "/timeline"))
				.andExpect(jsonPath("$.entries[?(@.kind == 'notice')].summary")
					.value(hasItem(containsString("told about " + this.problem)))));
		asManager(get("/api/problems/" + this.problem + "/notices")).andExpect(jsonPath("$[0].told").value(2));
	}

	@Test
	void theStatusPageOfALinkedCaseSaysWhatTheTeamToldItsCustomers() throws Exception {
		this.resolutions.propose(this.ana.caseReference(), "We credited the second charge.", "alice");
		List<Contact> sent = this.intake.ofCase(this.ana.caseId());
		Matcher link = Pattern.compile("/status/RC-\\d+/[A-Za-z0-9_-]+").matcher(sent.getLast().text());
		assertThat(link.find()).isTrue();
		this.mvc.perform(get(link.group()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("What we know about it"))));

		tell("We know about the double charge; the fix is due on 20 December.").andExpect(status().isCreated());
		this.mvc.perform(get(link.group()))
			.andExpect(content().string(containsString("What we know about it")))
			.andExpect(content().string(containsString("the fix is due on 20 December")));
	}

	@Test
	void customersToldOnceHearEveryUpdateAfterTheirCaseClosesOrTheSegmentIsDropped() throws Exception {
		tell("We know about the double charge.").andExpect(status().isCreated());
		this.cases.changeStatus(this.ana.caseReference(), CaseStatus.CLOSED, "credited", "alice");
		asManager(json(put("/api/problems/" + this.problem), """
				{"title":"Upgrades are charged twice","team":"finance","reasonKey":"%s"}""".formatted(this.reason)))
			.andExpect(status().isOk());
		asManager(get("/api/problems/" + this.problem + "/notices/audience"))
			.andExpect(jsonPath("$.withLinkedCases").value(0))
			.andExpect(jsonPath("$.inSegmentOnly").value(0))
			.andExpect(jsonPath("$.toldEarlierOnly").value(2));

		// Ana called (her case is closed now), Cleo never did.
		tell("It is fixed: your next bill is right.").andExpect(status().isCreated())
			.andExpect(jsonPath("$.told").value(2))
			.andExpect(jsonPath("$.toldBeforeTheyCalled").value(1));
	}

	@Test
	void everyNoticeLinksOnePublicPageThatSaysWhereTheFixStandsAndNothingInternal() throws Exception {
		String first = JsonPath.read(tell("We know you were charged twice.").andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.followUrl");
		assertThat(first).startsWith("http://localhost:8080/known-issues/");
		String page = first.substring("http://localhost:8080".length());
		String second = JsonPath.read(tell("A fix is on its way.").andReturn().getResponse().getContentAsString(),
				"$.followUrl");
		assertThat(second).isEqualTo(first);
		asManager(get("/api/problems/" + this.problem + "/notices")).andExpect(jsonPath("$[0].followUrl").value(first))
			.andExpect(jsonPath("$[1].followUrl").value(first));

		// No login: the token is the key.
		this.mvc.perform(get(page))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("We are looking for the cause. " + "We expect it to be fixed by 2026-12-20.")))
			.andExpect(content().string(containsString("We know you were charged twice.")))
			.andExpect(content().string(containsString("A fix is on its way.")))
			.andExpect(content().string(not(containsString("Upgrades are charged twice"))))
			.andExpect(content().string(not(containsString("Credit the difference"))));
		this.mvc.perform(get("/known-issues/not-a-page"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This link is not valid")));
	}

	@Test
	void theSameNoticeTwiceIsRefusedAndSendsNothingMore() throws Exception {
		tell("We know about the double charge.").andExpect(status().isCreated());
		tell("We know about the double charge.").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("was sent before")));
		tell("The fix is out: your next bill is right.").andExpect(status().isCreated());
		asManager(get("/api/problems/" + this.problem + "/notices")).andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].message").value("The fix is out: your next bill is right."));
	}

	@Test
	void badNoticesAreRefusedWithTheReasonAndNothingIsSent() throws Exception {
		tell(" ").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("what is wrong")));
		tell("x".repeat(2001)).andExpect(status().isBadRequest());
		asManager(json(post("/api/problems/" + this.problem + "/notices"), """
				{"message":"We know.","audience":"everyone"}""")).andExpect(status().isBadRequest());
		this.mvc.perform(json(post("/api/problems/" + this.problem + "/notices"), """
				{"message":"We know."}""").with(user("alice").roles("AGENT"))).andExpect(status().isForbidden());
		asManager(json(post("/api/problems/PRB-999999/notices"), """
				{"message":"We know."}""")).andExpect(status().isNotFound());
		asManager(get("/api/problems/" + this.problem + "/notices/" + UUID.randomUUID() + "/recipients"))
			.andExpect(status().isNotFound());
		asManager(get("/api/problems/" + this.problem + "/notices")).andExpect(jsonPath("$", hasSize(0)));
		asManager(get("/api/customers/" + this.ana.customerId() + "/timeline"))
			.andExpect(jsonPath("$.entries[*].kind").value(not(hasItem("notice"))));
	}

	@Test
	void aNoticeReachesEveryCustomerOfALargeSegment() throws Exception {
		String large = "Copper " + this.tag;
		int size = 1_500;
		for (int i = 0; i < size; i++) {
			customer(Map.of(IdentityKind.EMAIL, "seg-" + i + "-" + this.tag + "@example.com"), large);
		}
		String wide = JsonPath.read(asManager(json(post("/api/problems"), """
				{"title":"Copper lines drop at night","team":"finance","segment":"plan=%s"}""".formatted(large)))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.reference");
		String id = JsonPath.read(asManager(json(post("/api/problems/" + wide + "/notices"), """
				{"message":"We know your line drops at night; a fix is due this week."}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.told").value(size))
			.andExpect(jsonPath("$.toldBeforeTheyCalled").value(size))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		asManager(get("/api/problems/" + wide + "/notices/" + id + "/recipients").param("limit", "10"))
			.andExpect(header().string("X-Total-Count", Integer.toString(size)))
			.andExpect(jsonPath("$", hasSize(10)));
	}

	@Test
	void aProblemWithNobodyToReachRefusesTheNotice() throws Exception {
		String lonely = JsonPath.read(asManager(json(post("/api/problems"), """
				{"title":"Nobody affected yet","team":"finance"}""")).andReturn().getResponse().getContentAsString(),
				"$.reference");
		asManager(json(post("/api/problems/" + lonely + "/notices"), """
				{"message":"We know."}""")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("nobody to tell")));
	}

}

package io.rootcase.console;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.cases.Cases;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactReceipt;
import io.rootcase.intake.IncomingContact;
import io.rootcase.notices.Notices;
import io.rootcase.problems.ProblemStatus;
import io.rootcase.problems.ProblemView;
import io.rootcase.problems.Problems;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An agent links the case in front of them to the problem it belongs to, from the case's
 * page: the page offers the open problems of the case's reason and the ones its customer
 * was told about.
 */
@RootcaseIntegrationTest
class CaseProblemLinkTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ContactIntake intake;

	@Autowired
	Cases cases;

	@Autowired
	Problems problems;

	@Autowired
	Notices notices;

	@Autowired
	CustomerDirectory customers;

	@Autowired
	TestClock clock;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	final String reason = "lnk_" + this.tag;

	final Problems.Actor manager = new Problems.Actor("maria", true);

	ContactReceipt call;

	/** Open, with the case's reason. */
	ProblemView sameReason;

	/** Open, about another reason; the customer was told about it before the call. */
	ProblemView told;

	/** Open, about another reason, nothing to do with this customer. */
	ProblemView unrelated;

	@BeforeEach
	void aCustomerToldAboutOneProblemCallsAboutTheReasonOfAnother() {
		String plan = "Fibre " + this.tag;
		UUID ana = this.customers
			.recognise(this.customers.identities(Map.of(IdentityKind.EMAIL, "ana-" + this.tag + "@example.com")), null);
		this.customers.describe(ana, Map.of("plan", plan));
		this.sameReason = open("Upgrades are charged twice", this.reason, null);
		this.told = open("Evening outages on " + plan, "other_" + this.tag, "plan=" + plan);
		this.unrelated = open("Leaflet shows a grey port", "leaflet_" + this.tag, null);
		this.notices.publish(this.told.reference(), "We know about the evening outages; fixed by Friday.",
				this.manager);

		this.clock.advance(Duration.ofMinutes(5));
		this.call = this.intake.receive(new IncomingContact(Channel.PHONE, Direction.INBOUND, this.clock.instant(),
				"I was charged twice for the upgrade", Map.of(IdentityKind.EMAIL, "ana-" + this.tag + "@example.com"),
				null, null, null, null));
		this.cases.chooseReason(this.call.caseReference(), this.reason, "alice");
	}

	ProblemView open(String title, String reasonKey, String segment) {
		return this.problems.open(new Problems.ProblemForm(title, null, "finance", null, null, null, reasonKey, null,
				null, null, segment), this.manager);
	}

	ResultActions link(String problem, boolean htmx) throws Exception {
		var request = post("/cases/" + this.call.caseReference() + "/problem").with(user("alice").roles("AGENT"))
			.with(csrf());
		if (problem != null) {
			request.param("problem", problem);
		}
		if (htmx) {
			request.header("HX-Request", "true");
		}
		return this.mvc.perform(request);
	}

	UUID linkedProblem() {
		return this.cases.find(this.call.caseReference()).orElseThrow().problemId();
	}

	@Test
	void theCasePageOffersTheProblemsOfItsReasonAndWhatTheCustomerWasTold() throws Exception {
		this.mvc.perform(get("/cases/" + this.call.caseReference()).with(user("alice").roles("AGENT")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"link-to-" + this.sameReason.reference() + "\"")))
			.andExpect(content().string(containsString("(new, finance; same contact reason)")))
			.andExpect(content().string(containsString("id=\"link-to-" + this.told.reference() + "\"")))
			.andExpect(content().string(containsString("(new, finance; the customer was told about it)")))
			.andExpect(content().string(not(containsString("link-to-" + this.unrelated.reference() + "\""))));
	}

	@Test
	void aKnownErrorOfTheCasesReasonShowsItsWorkaroundBeforeTheCaseIsLinked() throws Exception {
		ProblemView known = this.problems.open(
				new Problems.ProblemForm("Proration charged twice", null, "finance", null, null,
						"Proration uses the old plan's price", this.reason, "Credit the difference", null, null, null),
				this.manager);
		this.problems.moveTo(known.reference(), ProblemStatus.INVESTIGATING, "looking", this.manager);
		this.problems.moveTo(known.reference(), ProblemStatus.ROOT_CAUSE_KNOWN, "found", this.manager);

		this.mvc.perform(get("/cases/" + this.call.caseReference()).with(user("alice").roles("AGENT")))
			.andExpect(content().string(containsString("id=\"known-error-" + known.reference() + "\"")))
			.andExpect(content().string(containsString("Credit the difference")))
			.andExpect(content().string(containsString("(root cause known, finance; same contact reason)")))
			.andExpect(content().string(not(containsString("id=\"known-error-" + this.sameReason.reference()))));
	}

	@Test
	void linkingTheCaseShowsItsProblemInsteadOfTheOffers() throws Exception {
		link(this.sameReason.reference(), true).andExpect(status().isOk())
			.andExpect(content().string(containsString("Linked to " + this.sameReason.reference() + ".")))
			.andExpect(content().string(containsString("id=\"case-problem\">Linked to")))
			.andExpect(content().string(not(containsString("id=\"problems-to-link\""))))
			.andExpect(content().string(not(containsString("id=\"case-problem-form\""))));

		assertThat(linkedProblem()).isEqualTo(this.sameReason.id());
		assertThat(this.problems.cases(this.sameReason.reference(), 10, 0).page())
			.anySatisfy(c -> assertThat(c.reference()).isEqualTo(this.call.caseReference()));
	}

	@Test
	void anyProblemCanBeNamedAndTheLinkWorksWithoutJavaScript() throws Exception {
		link(" " + this.unrelated.reference() + " ", false)
			.andExpect(redirectedUrl("/cases/" + this.call.caseReference()))
			.andExpect(flash().attribute("message", "Linked to " + this.unrelated.reference() + "."));

		assertThat(linkedProblem()).isEqualTo(this.unrelated.id());
	}

	@Test
	void aMissingOrUnknownProblemIsRefusedAndTheCaseStaysUnlinked() throws Exception {
		link(null, true).andExpect(status().isOk())
			.andExpect(content().string(containsString("name the problem, as PRB-12")));
		link("PRB-99999999", true).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"error\"")))
			.andExpect(content().string(containsString("PRB-99999999")));

		assertThat(linkedProblem()).isNull();
	}

	@Test
	void aCaseLinkedToOneProblemIsNotTakenByAnother() throws Exception {
		link(this.sameReason.reference(), true);

		link(this.told.reference(), false).andExpect(flash().attribute("error",
				containsString("already linked to another problem: " + this.call.caseReference())));

		assertThat(linkedProblem()).isEqualTo(this.sameReason.id());
	}

}

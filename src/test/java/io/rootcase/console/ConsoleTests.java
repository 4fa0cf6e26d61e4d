package io.rootcase.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactReceipt;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import io.rootcase.webhooks.WebhookEvent;
import io.rootcase.webhooks.Webhooks;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

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

@RootcaseIntegrationTest
class ConsoleTests {

	@Autowired
	io.rootcase.diagnosis.KnowledgeBases knowledgeBases;

	@Autowired
	MockMvc mvc;

	@Autowired
	io.rootcase.reasons.ReasonTaxonomy reasons;

	@Autowired
	ContactIntake intake;

	@Autowired
	io.rootcase.cases.Cases cases;

	@Autowired
	Webhooks webhooks;

	ContactReceipt contact(String text) {
		return contact(text, "console-" + UUID.randomUUID() + "@example.com", null);
	}

	ContactReceipt contact(String text, String email, String caseReference) {
		return this.intake.receive(new IncomingContact(Channel.WEB, Direction.INBOUND, Instant.now().minusSeconds(5),
				text, Map.of(IdentityKind.EMAIL, email), "Console Tester", null, caseReference, null));
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
		this.mvc.perform(get("/cases")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sign in")));
	}

	@Test
	void theQueueIsAFullPageAndAFragmentForHtmx() throws Exception {
		contact("Queue me");
		this.mvc.perform(get("/cases").with(user("alice").roles("AGENT")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("Case queue")));
		this.mvc.perform(
				get("/cases").param("channel", "WEB").header("HX-Request", "true").with(user("alice").roles("AGENT")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("queue-table")));
	}

	@Test
	void theQueueFiltersByAReasonAndTheReasonsMergedIntoItAndNamesWhatEachCaseCountsAs() throws Exception {
		String survivor = "csq_" + UUID.randomUUID().toString().substring(0, 8);
		String merged = survivor + "_m";
		this.reasons.add(new io.rootcase.reasons.ReasonTaxonomy.Definition(survivor, "Billing error " + survivor, null,
				null, null));
		this.reasons.add(new io.rootcase.reasons.ReasonTaxonomy.Definition(merged, "Charged twice " + survivor, null,
				null, null));
		String billing = contact("billing error").caseReference();
		String twice = contact("charged twice").caseReference();
		String other = contact("no reason yet").caseReference();
		this.cases.chooseReason(billing, survivor, "alice");
		this.cases.chooseReason(twice, merged, "alice");
		this.reasons.merge(merged, survivor);

		this.mvc.perform(
				get("/cases").param("reason", survivor).header("HX-Request", "true").with(user("alice").roles("AGENT")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">" + billing + "<")))
			.andExpect(content().string(containsString(">" + twice + "<")))
			.andExpect(content().string(not(containsString(">" + other + "<"))))
			.andExpect(content().string(containsString("2 case(s)")))
			.andExpect(content().string(not(containsString("Charged twice " + survivor))))
			.andExpect(content().string(
					org.hamcrest.Matchers.matchesPattern("(?s).*class=\"reason\">Billing error " + survivor + "<.*")));
	}

	@Test
	void theReplyFormSaysWhetherAGatewaySendsRepliesOrTheyAreOnlyKept() throws Exception {
		String page = "/cases/" + contact("Who sends the answer?").caseReference();
		this.mvc.perform(get(page).with(user("alice").roles("AGENT")))
			.andExpect(content().string(containsString("no gateway sends replies")));

		java.util.UUID gateway = this.webhooks
			.subscribe("http://127.0.0.1:9/replies", java.util.Set.of(WebhookEvent.REPLY_SENT), "root")
			.subscription()
			.id();
		try {
			this.mvc.perform(get(page).with(user("alice").roles("AGENT")))
				.andExpect(content().string(containsString("by the gateway subscribed to replies")))
				.andExpect(content().string(not(containsString("no gateway sends replies"))));
		}
		finally {
			this.webhooks.remove(gateway);
		}
	}

	@Test
	void anErasureIsNotDoneUnlessTheAdminConfirmsItCannotBeUndone() throws Exception {
		ContactReceipt r = contact("Erase me, maybe");
		this.mvc
			.perform(post("/admin/customers/" + r.customerId() + "/erase").param("reason", "GDPR request")
				.with(user("root").roles("ADMIN"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", "Tick the box to confirm: an erasure cannot be undone."));
		this.mvc
			.perform(post("/admin/customers/" + r.customerId() + "/erase").param("reason", "GDPR request")
				.param("understood", "true")
				.with(user("maria").roles("MANAGER"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/customers/" + r.customerId()).with(user("alice").roles("AGENT")))
			.andExpect(content().string(containsString("Console Tester")));
	}

	@Test
	void messageTextIsShownEscaped() throws Exception {
		ContactReceipt r = contact("<script>alert('x')</script><b>bold</b>");
		this.mvc.perform(get("/cases/" + r.caseReference()).with(user("alice").roles("AGENT")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert"))));
	}

	@Test
	void formsNeedTheCsrfToken() throws Exception {
		ContactReceipt r = contact("csrf check");
		this.mvc
			.perform(post("/cases/" + r.caseReference() + "/actions").param("kind", "DIAGNOSTIC")
				.param("description", "Line test")
				.param("minutesSpent", "3")
				.with(user("alice").roles("AGENT")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/cases/" + r.caseReference() + "/actions").param("kind", "DIAGNOSTIC")
				.param("description", "Line test")
				.param("minutesSpent", "3")
				.with(user("alice").roles("AGENT"))
				.with(csrf()))
			.andExpect(redirectedUrl("/cases/" + r.caseReference()))
			.andExpect(flash().attribute("message", "Action recorded."));
	}

	@Test
	void movingAContactRedirectsWithWhereItWentAndARefusedMoveIsExplainedInTheFragment() throws Exception {
		ContactReceipt r = contact("move check");
		this.mvc
			.perform(post("/cases/" + r.caseReference() + "/contacts/" + r.contactId() + "/move")
				.param("target", r.caseReference())
				.header("HX-Request", "true")
				.with(user("alice").roles("AGENT"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("the contact is already on " + r.caseReference())))
			.andExpect(content().string(not(containsString("<html"))));
		this.mvc
			.perform(post("/cases/" + r.caseReference() + "/contacts/" + r.contactId() + "/move").param("target", "")
				.param("reason", "wrong case")
				.with(user("alice").roles("AGENT"))
				.with(csrf()))
			.andExpect(redirectedUrl("/cases/" + r.caseReference()))
			.andExpect(flash().attribute("message", org.hamcrest.Matchers
				.matchesPattern("Contact moved to RC-\\d+, a new case; this case had nothing left and is closed\\.")));
	}

	@Test
	void aCaseWhoseReasonWasMergedIntoAnotherCasesReasonIsHintedAsTheSameMatter() throws Exception {
		String email = "console-merged-reason-" + UUID.randomUUID() + "@example.com";
		String survivor = "csl_" + UUID.randomUUID().toString().substring(0, 8);
		String merged = survivor + "_m";
		this.reasons.add(new io.rootcase.reasons.ReasonTaxonomy.Definition(survivor, "Billing error (console test)",
				null, null, null));
		this.reasons.add(new io.rootcase.reasons.ReasonTaxonomy.Definition(merged, "Charged twice (console test)", null,
				null, null));
		ContactReceipt r = contact("charged twice", email, null);
		ContactReceipt again = contact("billing again", email, r.caseReference());
		String second = this.intake.move(again.contactId(), null, null, "alice").caseReference();
		this.cases.chooseReason(r.caseReference(), survivor, "alice");
		this.cases.chooseReason(second, merged, "alice");
		this.mvc.perform(get("/cases/" + second).with(user("alice").roles("AGENT")))
			.andExpect(content().string(not(containsString("class=\"hint same-matter\""))));

		this.reasons.merge(merged, survivor);
		this.mvc.perform(get("/cases/" + second).with(user("alice").roles("AGENT")))
			.andExpect(content().string(containsString("class=\"hint same-matter\"")))
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*id=\"merge-case\"[^>]*open.*")));
	}

	@Test
	void mergingACaseRedirectsToTheCaseItJoinedAndARefusedMergeIsExplainedInTheFragment() throws Exception {
		String email = "console-merge-" + UUID.randomUUID() + "@example.com";
		ContactReceipt r = contact("merge check", email, null);
		ContactReceipt again = contact("merge check again", email, r.caseReference());
		String second = this.intake.move(again.contactId(), null, null, "alice").caseReference();
		this.cases.chooseReason(r.caseReference(), "billing", "alice");
		this.cases.chooseReason(second, "billing", "alice");
		this.mvc.perform(get("/cases/" + second).with(user("alice").roles("AGENT")))
			.andExpect(content().string(containsString("class=\"hint same-matter\"")))
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*id=\"merge-case\"[^>]*open.*")));
		this.mvc
			.perform(post("/cases/" + second + "/merge").param("into", second)
				.header("HX-Request", "true")
				.with(user("alice").roles("AGENT"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("a case cannot be merged into itself")))
			.andExpect(content().string(not(containsString("<html"))));
		this.mvc
			.perform(post("/cases/" + second + "/merge").param("into", r.caseReference())
				.param("reason", "one matter")
				.with(user("alice").roles("AGENT"))
				.with(csrf()))
			.andExpect(redirectedUrl("/cases/" + r.caseReference()))
			.andExpect(flash().attribute("message",
					second + " merged into this case: 1 contact moved here, " + second + " closed."));
		this.mvc.perform(get("/cases/" + second).with(user("alice").roles("AGENT")))
			.andExpect(content().string(org.hamcrest.Matchers
				.matchesPattern("(?s).*id=\"merged-into\".*href=\"/cases/" + r.caseReference() + "\".*")))
			.andExpect(content().string(not(containsString("id=\"merge-case\""))));
	}

	@Test
	void aRefusedCommandIsExplainedOnThePageInsteadOfFailing() throws Exception {
		ContactReceipt r = contact("refusal check");
		this.mvc
			.perform(post("/cases/" + r.caseReference() + "/status").param("status", "CLOSED")
				.header("HX-Request", "true")
				.with(user("alice").roles("AGENT"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("closing a case needs a reason")))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void importAndTokenPagesAreForManagersAndAdmins() throws Exception {
		this.mvc.perform(get("/import").with(user("alice").roles("AGENT"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/import").with(user("maria").roles("AGENT", "MANAGER"))).andExpect(status().isOk());
		this.mvc.perform(get("/admin/tokens").with(user("maria").roles("AGENT", "MANAGER")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/tokens").with(user("root").roles("AGENT", "MANAGER", "ADMIN")))
			.andExpect(status().isOk());
	}

	@Test
	void theKnowledgeBasePageIsForManagersAndShowsTheCurrentFileForEditing() throws Exception {
		// The hand-written file, whatever earlier tests (problems teach it) left current.
		String demo = io.rootcase.demo.DemoLoader.demoKnowledgeBase();
		if (this.knowledgeBases.current().map(v -> !this.knowledgeBases.file(v.id()).equals(demo)).orElse(true)) {
			this.knowledgeBases.importFile(demo, "test");
		}
		this.mvc.perform(get("/knowledge-base").with(user("alice").roles("AGENT"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/knowledge-base").with(user("maria").roles("AGENT", "MANAGER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("format: rootcase-kb/1")));
	}

	@Test
	void theProblemFormsOfferReasonsAndRootCausesByName() throws Exception {
		String demo = io.rootcase.demo.DemoLoader.demoKnowledgeBase();
		if (this.knowledgeBases.current().map(v -> !this.knowledgeBases.file(v.id()).equals(demo)).orElse(true)) {
			this.knowledgeBases.importFile(demo, "test");
		}
		String key = "named_" + java.util.UUID.randomUUID().toString().substring(0, 8);
		this.reasons
			.add(new io.rootcase.reasons.ReasonTaxonomy.Definition(key, "Bills sent twice", null, "finance", null));

		this.mvc.perform(get("/problems").with(user("maria").roles("AGENT", "MANAGER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"" + key + "\">Bills sent twice</option>")))
			.andExpect(content().string(containsString(
					"<option value=\"router_firmware_watchdog\">Router firmware reboots under evening load</option>")))
			.andExpect(content().string(containsString("list=\"reason-keys\"")));
	}

	@Test
	void onlyManagersResolveOnTheCustomersBehalfFromTheCasePage() throws Exception {
		String reference = contact("Please close my old complaint").caseReference();
		this.mvc
			.perform(post("/cases/" + reference + "/resolution/on-behalf").param("reason", "asked by phone")
				.with(user("alice").roles("AGENT"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/cases/" + reference).with(user("alice").roles("AGENT")))
			.andExpect(content().string(not(containsString("resolve-on-behalf"))));
		this.mvc
			.perform(post("/cases/" + reference + "/resolution/on-behalf").param("reason", "asked by phone")
				.header("HX-Request", "true")
				.with(user("maria").roles("AGENT", "MANAGER"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("resolved on behalf")));
	}

	@Test
	void whatNoFormSendsGetsTheConsolesBadRequestPage() throws Exception {
		String reference = contact("The remote does not pair").caseReference();
		for (var request : List.of(
				post("/cases/" + reference + "/actions").param("kind", "magic").param("description", "Waved a wand"),
				post("/cases/" + reference + "/follow-ups").param("due", "next tuesday").param("note", "Look again"),
				post("/customers/" + UUID.randomUUID() + "/merge"))) {
			this.mvc.perform(request.with(user("alice").roles("AGENT")).with(csrf()).accept(MediaType.TEXT_HTML))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("The address or the form was not understood.")));
		}
		assertThat(this.cases.details(reference).actions()).isEmpty();
	}

	@Test
	void anUnknownCaseShowsANotFoundPage() throws Exception {
		this.mvc.perform(get("/cases/RC-987654321").with(user("alice").roles("AGENT")))
			.andExpect(status().isNotFound());
	}

}

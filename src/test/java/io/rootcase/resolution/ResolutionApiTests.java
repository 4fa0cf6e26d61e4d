package io.rootcase.resolution;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.TestFixtures;
import io.rootcase.cases.ActionKind;
import io.rootcase.cases.CaseStatus;
import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.cases.ResolutionOutcome;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.Contact;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactReceipt;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RootcaseIntegrationTest
class ResolutionApiTests {

	private static final Pattern LINK = Pattern.compile("/status/(RC-\\d+)/([A-Za-z0-9_-]+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	ContactIntake intake;

	@Autowired
	Cases cases;

	@Autowired
	Resolutions resolutions;

	@Autowired
	TestClock clock;

	String reference;

	String email;

	@BeforeEach
	void aCaseWhereTheRouterWasReset() {
		this.email = "res-" + UUID.randomUUID() + "@example.com";
		ContactReceipt receipt = inbound("My internet drops every evening", null);
		this.reference = receipt.caseReference();
		this.cases.recordAction(this.reference, ActionKind.PALLIATIVE, "Remote router reset", 5, "alice");
	}

	ContactReceipt inbound(String text, String caseReference) {
		return this.intake.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND, this.clock.instant(), text,
				Map.of(IdentityKind.EMAIL, this.email), "Rosa", null, caseReference, null));
	}

	ResultActions api(String path, String body, String token) throws Exception {
		return this.mvc.perform(post(path).header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	String propose() throws Exception {
		api("/api/cases/" + this.reference + "/resolution", "{\"note\":\"We reset your router remotely.\"}",
				TestFixtures.AGENT_TOKEN)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("awaiting_confirmation"))
			.andExpect(jsonPath("$.resolutionKind").value("relieved"));
		return latestLink();
	}

	List<Contact> outbound() {
		CaseView c = this.cases.find(this.reference).orElseThrow();
		return this.intake.ofCase(c.id()).stream().filter(m -> m.direction() == Direction.OUTBOUND).toList();
	}

	String latestLink() {
		List<Contact> sent = outbound();
		Matcher link = LINK.matcher(sent.get(sent.size() - 1).text());
		assertThat(link.find()).as("the last message carries the status link").isTrue();
		assertThat(link.group(1)).isEqualTo(this.reference);
		return "/status/" + link.group(1) + "/" + link.group(2);
	}

	static String day(Instant at) {
		return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)
			.withZone(java.time.ZoneOffset.UTC)
			.format(at);
	}

	CaseView now() {
		return this.cases.find(this.reference).orElseThrow();
	}

	@Test
	void aProposalSendsTheCustomerTheNoteAndTheirStatusLinkOnTheCasesChannel() throws Exception {
		String link = propose();
		Contact message = outbound().get(outbound().size() - 1);
		assertThat(message.channel()).isEqualTo(Channel.EMAIL);
		assertThat(message.text()).contains("We reset your router remotely.");
		this.mvc.perform(get(link))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("We believe it is solved: please confirm")))
			.andExpect(content().string(containsString("Remote router reset")));
		this.mvc
			.perform(get("/api/cases").param("resolution", "relieved")
				.param("limit", "500")
				.header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(jsonPath("$[*].reference", hasItem(this.reference)));
	}

	@Test
	void confirmingOnTheLinkResolvesTheCaseOnceEvenWhenSubmittedTwice() throws Exception {
		String link = propose();
		this.mvc.perform(post(link + "/confirm").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Thank you for confirming")));
		this.mvc.perform(post(link + "/confirm").with(csrf())).andExpect(status().isOk());
		assertThat(now().status()).isEqualTo(CaseStatus.RESOLVED);
		assertThat(now().resolutionOutcome()).isEqualTo(ResolutionOutcome.CONFIRMED_BY_CUSTOMER);
		assertThat(this.cases.details(this.reference).transitions()).filteredOn(t -> t.to() == CaseStatus.RESOLVED)
			.hasSize(1);
	}

	@Test
	void rejectingOnTheLinkReopensTheCaseWithTheCustomersReason() throws Exception {
		String link = propose();
		this.mvc.perform(post(link + "/reject").with(csrf()).param("reason", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("tell us what is still wrong")));
		assertThat(now().status()).isEqualTo(CaseStatus.AWAITING_CONFIRMATION);
		this.mvc.perform(post(link + "/reject").with(csrf()).param("reason", "It dropped again at 9pm"))
			.andExpect(status().isOk());
		assertThat(now().status()).isEqualTo(CaseStatus.OPEN);
		assertThat(now().reopenCount()).isEqualTo(1);
		assertThat(this.cases.details(this.reference).transitions()).last()
			.satisfies(
					t -> assertThat(t.reason()).isEqualTo("customer rejected the resolution: It dropped again at 9pm"));
		// An e-mail is answered within 8 hours of their rejection; the page says by when.
		Instant due = now().waitingSince().plus(Duration.ofHours(8));
		this.mvc.perform(get(link))
			.andExpect(content().string(containsString("An agent will contact you with what we find, by "
					+ java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", java.util.Locale.ENGLISH)
						.withZone(java.time.ZoneOffset.UTC)
						.format(due)
					+ " (UTC).")));
		this.clock.advance(Duration.ofHours(9));
		this.mvc.perform(get(link)).andExpect(content().string(containsString("We are later than we aimed to be")));
	}

	@Test
	void theLinkOfACaseMergedIntoAnotherFollowsTheCaseTheRequestGoesOnIn() throws Exception {
		String link = propose();
		this.mvc.perform(post(link + "/reject").with(csrf()).param("reason", "It dropped again at 9pm"))
			.andExpect(status().isOk());
		ContactReceipt later = inbound("Now the TV box loses its signal too", this.reference);
		String other = this.intake.move(later.contactId(), null, null, "alice").caseReference();
		this.cases.recordAction(other, ActionKind.PALLIATIVE, "Line re-synchronised", 10, "alice");

		this.intake.merge(this.reference, other, "one line fault", "alice");

		this.mvc.perform(get(link))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("We joined this request with <strong>" + other + "</strong>")))
			.andExpect(content().string(containsString("We are working on it")))
			.andExpect(content().string(containsString("Remote router reset")))
			.andExpect(content().string(containsString("Line re-synchronised")))
			.andExpect(content().string(not(containsString("Is your problem solved?"))));
	}

	@Test
	void theLinkOfACaseMergedTwiceShowsTheWorkDoneUnderEveryReferenceOnTheWay() throws Exception {
		String link = propose();
		this.mvc.perform(post(link + "/reject").with(csrf()).param("reason", "It dropped again at 9pm"))
			.andExpect(status().isOk());
		String middle = this.intake
			.move(inbound("The TV box loses its signal too", this.reference).contactId(), null, null, "alice")
			.caseReference();
		String last = this.intake
			.move(inbound("And the phone line crackles", this.reference).contactId(), null, null, "alice")
			.caseReference();
		this.cases.recordAction(middle, ActionKind.PALLIATIVE, "Line re-synchronised", 10, "alice");
		this.cases.recordAction(last, ActionKind.CURATIVE, "Faulty line card replaced", 30, "alice");

		this.intake.merge(this.reference, middle, "one line fault", "alice");
		this.intake.merge(middle, last, "still the same line fault", "alice");

		this.mvc.perform(get(link))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("We joined this request with <strong>" + last + "</strong>")))
			.andExpect(content().string(containsString("Remote router reset")))
			.andExpect(content().string(containsString("Line re-synchronised")))
			.andExpect(content().string(containsString("Faulty line card replaced")));
	}

	@Test
	void forgedExpiredAndOtherCasesLinksGetAClearPageAndChangeNothing() throws Exception {
		String link = propose();
		String token = link.substring(link.lastIndexOf('/') + 1);
		this.mvc.perform(post("/status/" + this.reference + "/forged-token/confirm").with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This link is not valid")));
		String otherCase = this.intake
			.receive(new IncomingContact(Channel.PHONE, Direction.INBOUND, this.clock.instant(), "TV is broken",
					Map.of(IdentityKind.EMAIL, "other-" + UUID.randomUUID() + "@example.com"), null, null, null, null))
			.caseReference();
		this.mvc.perform(post("/status/" + otherCase + "/" + token + "/confirm").with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/status/not-a-case/" + token)).andExpect(status().isNotFound());
		this.clock.advance(Duration.ofDays(61));
		this.mvc.perform(post(link + "/confirm").with(csrf()))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("This link has expired")));
		assertThat(now().status()).isEqualTo(CaseStatus.AWAITING_CONFIRMATION);
		assertThat(this.cases.find(otherCase).orElseThrow().status()).isEqualTo(CaseStatus.NEW);
	}

	@Test
	void withoutAnAnswerTheCustomerIsRemindedAndTheCaseClosesUnconfirmed() throws Exception {
		String link = propose();
		this.resolutions.runTimers();
		assertThat(now().reminderSentAt()).isNull();
		Instant proposed = now().resolutionProposedAt();
		this.mvc.perform(get(link))
			.andExpect(content().string(containsString("we will remind you on " + day(proposed.plus(Duration.ofDays(3)))
					+ " and close the case on " + day(proposed.plus(Duration.ofDays(10))))));

		this.clock.advance(Duration.ofDays(3).plusMinutes(1));
		this.resolutions.runTimers();
		assertThat(now().reminderSentAt()).isNotNull();
		assertThat(now().status()).isEqualTo(CaseStatus.AWAITING_CONFIRMATION);
		assertThat(outbound().get(outbound().size() - 1).text())
			.contains("A reminder about your case " + this.reference);
		String reminderLink = latestLink();
		this.mvc.perform(get(reminderLink))
			.andExpect(content().string(containsString(
					"we will close the case on " + day(now().reminderSentAt().plus(Duration.ofDays(7))))));

		this.clock.advance(Duration.ofDays(7).plusMinutes(1));
		this.resolutions.runTimers();
		assertThat(now().status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(now().resolutionOutcome()).isEqualTo(ResolutionOutcome.CLOSED_UNCONFIRMED);
		this.mvc.perform(post(reminderLink + "/confirm").with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("no longer waiting")));
		assertThat(now().status()).isEqualTo(CaseStatus.CLOSED);
	}

	@Test
	void onlyManagersResolveOnTheCustomersBehalfAndOnlyWithAReason() throws Exception {
		String path = "/api/cases/" + this.reference + "/resolution/on-behalf";
		api(path, "{\"reason\":\"Confirmed by phone\"}", TestFixtures.AGENT_TOKEN).andExpect(status().isForbidden());
		api(path, "{\"reason\":\"\"}", TestFixtures.MANAGER_TOKEN).andExpect(status().isBadRequest());
		api(path, "{\"reason\":\"Customer confirmed by phone, has no e-mail\"}", TestFixtures.MANAGER_TOKEN)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("resolved"))
			.andExpect(jsonPath("$.resolutionOutcome").value("resolved_on_behalf"));
	}

	@Test
	void aPlainThanksKeepsTheCaseWaitingAndAsksTheCustomerToConfirm() throws Exception {
		propose();
		int sent = outbound().size();
		inbound("Thanks a lot!", this.reference);
		assertThat(now().status()).isEqualTo(CaseStatus.AWAITING_CONFIRMATION);
		long deadline = System.currentTimeMillis() + 10_000;
		while (outbound().size() == sent && System.currentTimeMillis() < deadline) {
			Thread.sleep(50);
		}
		assertThat(outbound().get(outbound().size() - 1).text()).contains("Is the problem solved for good?");

		inbound("It dropped again last night", this.reference);
		assertThat(now().status()).isEqualTo(CaseStatus.OPEN);
		assertThat(now().reopenCount()).isEqualTo(1);
	}

	@Test
	void aConfirmationRacingANewComplaintLeavesTheCaseReopenedOnce() throws Exception {
		String link = propose();
		String token = link.substring(link.lastIndexOf('/') + 1);
		CompletableFuture<Void> confirmation = CompletableFuture.runAsync(() -> {
			try {
				this.resolutions.confirm(this.reference, token);
			}
			catch (RuntimeException refusedBecauseTheCaseMovedOn) {
				// Either outcome is consistent; the final state is what matters.
			}
		});
		CompletableFuture<ContactReceipt> complaint = CompletableFuture
			.supplyAsync(() -> inbound("Still broken, it dropped again", this.reference));
		CompletableFuture.allOf(confirmation, complaint).join();

		CaseView after = now();
		assertThat(after.status()).isEqualTo(CaseStatus.OPEN);
		assertThat(after.reopenCount()).isEqualTo(1);
		List<CaseStatus> path = this.cases.details(this.reference).transitions().stream().map(t -> t.to()).toList();
		assertThat(path).endsWith(CaseStatus.OPEN);
		assertThat(complaint.join().caseReference()).isEqualTo(this.reference);
	}

}

package io.rootcase.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestFixtures;
import io.rootcase.cases.Cases;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactReceipt;
import io.rootcase.intake.IncomingContact;
import io.rootcase.reasons.ReasonTaxonomy;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import io.rootcase.staff.Role;
import io.rootcase.staff.Staff;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console as an agent uses it, in a real headless Chromium (Debian's chromium and
 * chromium-driver; .ci/run installs them).
 */
@RootcaseIntegrationTest
class ConsoleBrowserTests extends BrowserTest {

	@Autowired
	ContactIntake intake;

	@Autowired
	Staff staff;

	@Autowired
	Cases cases;

	@Autowired
	ReasonTaxonomy reasons;

	WebDriverWait waiting() {
		return Chromium.waiting(browser);
	}

	@Test
	void anAgentRecordsAPalliativeAndARepliesAndSeesBothOnTheCustomersTimeline() {
		String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		ContactReceipt received = this.intake.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND,
				Instant.now().minusSeconds(600), "My internet drops every evening <b>help</b>",
				Map.of(IdentityKind.EMAIL, email), "Browser Customer", null, null, null));

		Chromium.openAs(browser, this.port, "/cases", "alice");
		WebElement unfiltered = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-table")));
		new Select(browser.findElement(By.name("channel"))).selectByValue("EMAIL");
		// htmx swaps the table in place: wait for the filtered one before clicking in it.
		waiting().until(ExpectedConditions.stalenessOf(unfiltered));
		// The customer quotes the case's reference, and the agent looks it up.
		browser.findElement(By.id("queue-search")).sendKeys(received.caseReference());
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-count"), "1 case(s)"));
		By caseLink = By.linkText(received.caseReference());
		waiting().ignoring(StaleElementReferenceException.class).until(d -> {
			d.findElement(caseLink).click();
			return true;
		});

		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("action-form")));
		assertThat(browser.findElement(By.id("timeline")).getText())
			.contains("My internet drops every evening <b>help</b>");
		browser.findElement(By.id("kind-palliative")).click();
		browser.findElement(By.id("action-description")).sendKeys("Remote router reset");
		browser.findElement(By.id("action-minutes")).clear();
		browser.findElement(By.id("action-minutes")).sendKeys("6");
		browser.findElement(By.id("record-action")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Action recorded."));

		browser.findElement(By.id("reply-text")).sendKeys("We reset your router remotely; tell us if it drops again.");
		browser.findElement(By.id("send-reply")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Reply sent."));
		assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("waiting on customer");

		browser.findElement(By.id("customer-link")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("customer-name"), "Browser Customer"));
		String timeline = browser.findElement(By.id("timeline")).getText();
		assertThat(timeline).contains("palliative action (6 min): Remote router reset")
			.contains("We reset your router remotely; tell us if it drops again.")
			.contains("outbound")
			.contains("alice");
	}

	@Test
	void anAgentMovesAContactAboutSomethingElseToACaseOfItsOwn() {
		String email = "browser-move-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		ContactReceipt router = this.intake.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND,
				Instant.now().minusSeconds(600), "My router restarts every night", Map.of(IdentityKind.EMAIL, email),
				"Moving Customer", null, null, null));
		ContactReceipt bill = this.intake.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND,
				Instant.now().minusSeconds(300), "Separate thing: my bill doubled this month",
				Map.of(IdentityKind.EMAIL, email), null, null, router.caseReference(), null));

		Chromium.open(browser, this.port, "/cases/" + router.caseReference());
		By move = By.id("move-contact-" + bill.contactId());
		waiting().until(ExpectedConditions.visibilityOfElementLocated(move));
		assertThat(browser.findElements(By.id("move-contact-" + router.contactId()))).hasSize(1);
		browser.findElement(move).findElement(By.tagName("summary")).click();
		browser.findElement(move).findElement(By.name("reason")).sendKeys("a billing question");
		browser.findElement(move).findElement(By.className("move-button")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Contact moved to RC-"));

		String message = browser.findElement(By.id("message")).getText();
		String opened = message.replaceAll(".*(RC-\\d+).*", "$1");
		assertThat(message).isEqualTo("Contact moved to " + opened + ", a new case.");
		assertThat(browser.findElements(By.cssSelector("#case-contacts pre.body"))).extracting(WebElement::getText)
			.containsExactly("My router restarts every night");
		assertThat(browser.findElement(By.id("timeline")).getText())
			.contains("moved from " + router.caseReference() + " to " + opened)
			.contains("a billing question");

		Chromium.open(browser, this.port, "/cases/" + opened);
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("case-contacts")));
		assertThat(browser.findElements(By.cssSelector("#case-contacts pre.body"))).extracting(WebElement::getText)
			.containsExactly("Separate thing: my bill doubled this month");
		// Moving it back empties the case it opened, which closes.
		Select target = new Select(browser.findElement(move).findElement(By.name("target")));
		browser.findElement(move).findElement(By.tagName("summary")).click();
		target.selectByValue(router.caseReference());
		browser.findElement(move).findElement(By.className("move-button")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
				"Contact moved to " + router.caseReference() + "; this case had nothing left and is closed."));
		assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("closed");
	}

	@Test
	void anAgentMergesACaseIntoAnotherOfTheSameMatterAndLandsOnIt() {
		String email = "browser-merge-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		ContactReceipt router = this.intake.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND,
				Instant.now().minusSeconds(600), "My router restarts every night", Map.of(IdentityKind.EMAIL, email),
				"Merging Customer", null, null, null));
		ContactReceipt again = this.intake.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND,
				Instant.now().minusSeconds(300), "It restarted again at 3 am", Map.of(IdentityKind.EMAIL, email), null,
				null, router.caseReference(), null));
		String second = this.intake.move(again.contactId(), null, null, "alice").caseReference();
		this.intake.reply(second, "Which router model do you have?", "alice");

		Chromium.open(browser, this.port, "/cases/" + second);
		By merge = By.id("merge-case");
		waiting().until(ExpectedConditions.visibilityOfElementLocated(merge));
		// Already open when a live model read both cases as one reason.
		if (!"true".equals(browser.findElement(merge).getDomProperty("open"))) {
			browser.findElement(merge).findElement(By.tagName("summary")).click();
		}
		new Select(browser.findElement(merge).findElement(By.name("into"))).selectByValue(router.caseReference());
		browser.findElement(merge).findElement(By.name("reason")).sendKeys("the same restarts");
		browser.findElement(merge).findElement(By.className("merge-button")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
				second + " merged into this case: 2 contacts moved here, " + second + " closed."));

		assertThat(browser.getCurrentUrl()).endsWith("/cases/" + router.caseReference());
		assertThat(browser.findElements(By.cssSelector("#case-contacts pre.body"))).extracting(WebElement::getText)
			.containsExactly("My router restarts every night", "It restarted again at 3 am",
					"Which router model do you have?");
		assertThat(browser.findElement(By.id("timeline")).getText())
			.contains("moved from " + second + " to " + router.caseReference())
			.contains("merged into " + router.caseReference() + ": the same restarts");
	}

	@Test
	void aTeamLeadFiltersTheQueueByContactReasonAndSeesEachCasesReason() {
		String key = "brw_" + UUID.randomUUID().toString().substring(0, 8);
		this.reasons.add(new ReasonTaxonomy.Definition(key, "Queue filter " + key, null, null, null));
		String reference = this.intake
			.receive(new IncomingContact(Channel.CHAT, Direction.INBOUND, Instant.now().minusSeconds(300),
					"My bill has a charge I do not know", Map.of(IdentityKind.EMAIL, key + "@example.com"), null, null,
					null, null))
			.caseReference();
		this.cases.chooseReason(reference, key, "alice");

		Chromium.open(browser, this.port, "/cases");
		WebElement unfiltered = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-table")));
		new Select(browser.findElement(By.id("queue-reason"))).selectByVisibleText("Queue filter " + key);
		waiting().until(ExpectedConditions.stalenessOf(unfiltered));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-count"), "1 case(s)"));
		assertThat(browser.findElement(By.cssSelector("#queue-table tbody tr")).getText()).contains(reference)
			.contains("Queue filter " + key);
		assertThat(browser.getCurrentUrl()).contains("reason=" + key);
	}

	@Test
	void anAgentPagesThroughTheirOwnCases() {
		String agent = "browser-pager-" + UUID.randomUUID().toString().substring(0, 8);
		this.staff.addAgent(agent, "Browser Pager", TestFixtures.PASSWORD, Role.AGENT, "support");
		for (int i = 0; i < 53; i++) {
			String reference = this.intake
				.receive(new IncomingContact(Channel.SOCIAL, Direction.INBOUND, Instant.now().minusSeconds(900 - i),
						"Paged in the browser " + i,
						Map.of(IdentityKind.SOCIAL_HANDLE, agent.replace('-', '_') + "_" + i), null, null, null, null))
				.caseReference();
			this.cases.handOver(reference, "support", agent, null, "maria");
		}

		Chromium.openAs(browser, this.port, "/cases", agent);
		WebElement everyone = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-table")));
		new Select(browser.findElement(By.name("assigned"))).selectByValue("me");
		waiting().until(ExpectedConditions.stalenessOf(everyone));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-count"), "Cases 1–50 of 53"));

		browser.findElement(By.id("next-page")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-count"), "Cases 51–53 of 53"));
		assertThat(browser.findElements(By.cssSelector("#queue-table .case-link"))).hasSize(3);
		assertThat(browser.getCurrentUrl()).contains("assigned=me").contains("page=2");
		// One queue section, not one swapped inside another.
		assertThat(browser.findElements(By.id("queue"))).hasSize(1);

		browser.findElement(By.id("previous-page")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-count"), "Cases 1–50 of 53"));
	}

	@Test
	void anAgentSeesWhichCustomersWaitTooLongForAnAnswerAndListsOnlyThem() {
		String team = "brwdue" + UUID.randomUUID().toString().substring(0, 6);
		this.staff.addTeam(team, "Answer due " + team);
		String late = waitingFor(team, Channel.CHAT, Duration.ofHours(1));
		String inTime = waitingFor(team, Channel.EMAIL, Duration.ofHours(1));

		Chromium.open(browser, this.port, "/cases?team=" + team + "&order=ANSWER_DUE_FIRST");
		List<WebElement> rows = browser.findElements(By.cssSelector("#queue-table tbody tr"));
		assertThat(rows.get(0).getText()).contains(late).contains("overdue 50 min");
		assertThat(rows.get(1).getText()).contains(inTime).contains("in 7.0 h");

		new Select(browser.findElement(By.id("queue-answer"))).selectByValue("overdue");
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-count"), "1 case(s)"));
		assertThat(browser.findElement(By.cssSelector("#queue-table tbody tr")).getText()).contains(late);
		assertThat(browser.getCurrentUrl()).contains("answer=overdue");

		browser.findElement(By.linkText(late)).click();
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("case-answer-due")));
		assertThat(browser.findElement(By.id("case-answer-due")).getText()).startsWith("overdue 50 min")
			.contains("waiting since");

		// The agent who holds the late case sees it counted on every page, one click
		// away.
		String agent = "browser-due-" + UUID.randomUUID().toString().substring(0, 8);
		this.staff.addAgent(agent, "Browser Due", TestFixtures.PASSWORD, Role.AGENT, team);
		this.cases.handOver(late, team, agent, null, "maria");
		this.cases.handOver(inTime, team, agent, null, "maria");
		Chromium.openAs(browser, this.port, "/follow-ups", agent);
		assertThat(browser.findElement(By.id("my-overdue")).getText()).isEqualTo("1");
		browser.findElement(By.id("my-overdue")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-count"), "1 case(s)"));
		assertThat(browser.findElement(By.cssSelector("#queue-table tbody tr")).getText()).contains(late);
	}

	private String waitingFor(String team, Channel channel, Duration since) {
		String reference = this.intake
			.receive(new IncomingContact(channel, Direction.INBOUND, Instant.now().minus(since), "Where is my parcel?",
					Map.of(IdentityKind.EMAIL, "brw-due-" + UUID.randomUUID() + "@example.com"), null, null, null,
					null))
			.caseReference();
		this.cases.handOver(reference, team, null, null, "maria");
		return reference;
	}

}

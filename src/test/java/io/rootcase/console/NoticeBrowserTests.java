package io.rootcase.console;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactReceipt;
import io.rootcase.intake.IncomingContact;
import io.rootcase.problems.Problems;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A problem manager tells the customers a problem affects, including one in its segment
 * who has not called, and the customer's page shows what they were told. In a real
 * headless Chromium.
 */
@RootcaseIntegrationTest
class NoticeBrowserTests extends BrowserTest {

	@Autowired
	ContactIntake intake;

	@Autowired
	CustomerDirectory customers;

	@Autowired
	Problems problems;

	@Autowired
	TestClock clock;

	@Test
	void aManagerTellsTheAffectedCustomersBeforeTheyCall() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String segment = "Fibre " + tag;
		ContactReceipt called = this.intake.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND,
				this.clock.instant().minus(Duration.ofHours(1)), "My upgrade was charged twice",
				Map.of(IdentityKind.EMAIL, "called-" + tag + "@example.com"), null, null, null, null));
		UUID quiet = this.customers
			.recognise(this.customers.identities(Map.of(IdentityKind.EMAIL, "quiet-" + tag + "@example.com")), null);
		this.customers.describe(quiet, Map.of("plan", segment));
		Problems.Actor maria = new Problems.Actor("maria", true);
		String problem = this.problems
			.open(new Problems.ProblemForm("Upgrades are charged twice", null, "finance", null, null, null, null,
					"Credit the difference", null, null, "plan=" + segment), maria)
			.reference();
		this.problems.link(problem, java.util.List.of(called.caseReference()));

		Chromium.openAs(browser, this.port, "/problems/" + problem, "maria");
		assertThat(browser.findElement(By.id("notice-audience")).getText()).contains("2 customer(s)",
				"1 with a linked case", "1 more in segment plan=" + segment);
		assertThat(browser.findElement(By.id("notice-message")).getAttribute("value"))
			.contains("Upgrades are charged twice", "Credit the difference");
		browser.findElement(By.id("notice-message")).clear();
		browser.findElement(By.id("notice-message"))
			.sendKeys("Some upgrades were charged twice. We credit the difference on your next bill.");
		browser.findElement(By.id("send-notice")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem-message"),
					"Told 2 customer(s), 1 of them before they called."));
		assertThat(browser.findElement(By.cssSelector("#notice-list .notice-told")).getText()).isEqualTo("2");

		// Once one is sent the form starts empty, so a second click sends nothing again.
		assertThat(browser.findElement(By.id("notice-message")).getAttribute("value")).isEmpty();
		browser.findElement(By.id("notice-message"))
			.sendKeys("Some upgrades were charged twice. We credit the difference on your next bill.");
		browser.findElement(By.id("send-notice")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem-error"), "was sent before"));
		assertThat(browser.findElements(By.cssSelector("#notice-list tbody tr"))).hasSize(1);

		// The public page the notice links: where the fix stands and what was said.
		String page = browser.findElement(By.cssSelector("#notice-page a")).getText();
		browser.get(page.replace("http://localhost:8080", "http://localhost:" + this.port));
		assertThat(browser.findElement(By.id("issue-stands")).getText()).isEqualTo("We are looking for the cause.");
		assertThat(browser.findElement(By.id("issue-updates")).getText())
			.contains("credit the difference on your next bill");

		browser.get("http://localhost:" + this.port + "/customers/" + quiet);
		assertThat(browser.findElement(By.cssSelector("#timeline .kind-notice")).getText()).contains("notice",
				"told about " + problem, "credit the difference on your next bill");

		// She calls anyway: the agent who takes it sees what she was told.
		this.clock.advance(Duration.ofMinutes(30));
		String call = this.intake
			.receive(
					new IncomingContact(Channel.EMAIL, Direction.INBOUND, this.clock.instant(), "Is my bill wrong too?",
							Map.of(IdentityKind.EMAIL, "quiet-" + tag + "@example.com"), null, null, null, null))
			.caseReference();
		browser.get("http://localhost:" + this.port + "/cases/" + call);
		assertThat(browser.findElement(By.id("told-about-" + problem)).getText()).contains("The customer was told",
				"email", "quiet-" + tag + "@example.com", "credit the difference on your next bill");
	}

}

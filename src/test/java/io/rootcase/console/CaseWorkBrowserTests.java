package io.rootcase.console;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.IncomingContact;
import io.rootcase.problems.Problems;
import io.rootcase.reasons.ReasonTaxonomy;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The everyday work on a case's page: taking it, handing it on with a note, waiting for
 * the customer with a reason, correcting its contact reason, linking it to a problem
 * named by its reference. Each step lands on the case and its customer's timeline. In a
 * real headless Chromium.
 */
@RootcaseIntegrationTest
class CaseWorkBrowserTests extends BrowserTest {

	@Autowired
	ContactIntake intake;

	@Autowired
	TestClock clock;

	@Autowired
	ReasonTaxonomy reasons;

	@Autowired
	Problems problems;

	String reference;

	@BeforeEach
	void aNewCaseFromAnEmail() {
		this.reference = this.intake
			.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND,
					this.clock.instant().minus(Duration.ofMinutes(20)), "My TV box shows error E42 at start",
					Map.of(IdentityKind.EMAIL, "work-" + UUID.randomUUID() + "@example.com"), null, null, null, null))
			.caseReference();
	}

	void waitFor(String id, String text) {
		Chromium.waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
	}

	@Test
	void anAgentTakesTheCaseHandsItOnAndWaitsForTheCustomerSayingWhy() {
		Chromium.openAs(browser, this.port, "/cases/" + this.reference, "alice");
		new Select(browser.findElement(By.id("handover-agent"))).selectByValue("alice");
		browser.findElement(By.id("hand-over")).click();
		waitFor("case-agent", "alice");
		assertThat(browser.findElement(By.id("case-handovers")).getText()).as("taking a case is no handover")
			.isEqualTo("0");

		new Select(browser.findElement(By.id("handover-agent"))).selectByValue("bob");
		browser.findElement(By.id("handover-note")).sendKeys("Bob knows the E42 boxes");
		browser.findElement(By.id("hand-over")).click();
		waitFor("case-agent", "bob");
		assertThat(browser.findElement(By.id("case-handovers")).getText()).isEqualTo("1");

		new Select(browser.findElement(By.id("status-select"))).selectByVisibleText("waiting on customer");
		browser.findElement(By.id("status-reason")).sendKeys("Asked for the box's serial number");
		browser.findElement(By.id("change-status")).click();
		waitFor("case-status", "waiting on customer");
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("Bob knows the E42 boxes",
				"Asked for the box's serial number");
	}

	@Test
	void anAgentCorrectsTheReasonAndLinksTheCaseToAProblemByItsReference() {
		String key = "tv_error_" + UUID.randomUUID().toString().substring(0, 8);
		this.reasons.add(new ReasonTaxonomy.Definition(key, "TV box error " + key, null, null, null));
		String problem = this.problems
			.open(new Problems.ProblemForm("E42 after the firmware update", null, "product", null, null, null, null,
					null, null, null, null), new Problems.Actor("maria", true))
			.reference();

		Chromium.openAs(browser, this.port, "/cases/" + this.reference, "alice");
		new Select(browser.findElement(By.id("case-reason-select"))).selectByValue(key);
		browser.findElement(By.id("set-case-reason")).click();
		waitFor("case-reason", "(set by an agent)");
		assertThat(browser.findElement(By.id("case-reason")).getText()).contains("TV box error " + key);

		browser.findElement(By.id("case-problem-reference")).sendKeys(problem);
		browser.findElement(By.id("link-case-to-problem")).click();
		waitFor("case-problem", "Linked to " + problem);
		assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Linked to " + problem + ".");
	}

}

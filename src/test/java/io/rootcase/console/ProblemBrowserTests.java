package io.rootcase.console;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.cases.CaseStatus;
import io.rootcase.cases.Cases;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.IncomingContact;
import io.rootcase.problems.ProblemStatus;
import io.rootcase.problems.Problems;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import io.rootcase.staff.Staff;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A surge of cases about one reason: a manager opens a problem, links the matching cases
 * in bulk, fills the analysis and an action item, deploys the fix and, two weeks on, sees
 * the data verify it. In a real headless Chromium.
 */
@RootcaseIntegrationTest
class ProblemBrowserTests extends BrowserTest {

	@Autowired
	ContactIntake intake;

	@Autowired
	Cases cases;

	@Autowired
	TestClock clock;

	@Autowired
	Staff staff;

	@Autowired
	Problems problems;

	@Test
	void anAgentLinksTheCasesAFilteredQueueShowsToAProblemInOneStep() {
		String team = "q" + UUID.randomUUID().toString().substring(0, 8);
		this.staff.addTeam(team, "Queue test " + team);
		for (int i = 0; i < 3; i++) {
			String reference = this.intake.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND,
					this.clock.instant().minus(Duration.ofHours(i + 1)), "The leaflet shows a grey port",
					Map.of(IdentityKind.EMAIL, "queue-" + UUID.randomUUID() + "@example.com"), null, null, null, null))
				.caseReference();
			this.cases.handOver(reference, team, null, "for the queue test", "alice");
		}
		String problem = this.problems
			.open(new Problems.ProblemForm("Leaflet shows a port that is not there", null, "product", null, null, null,
					null, null, null, null, null), new Problems.Actor("maria", true))
			.reference();

		Chromium.openAs(browser, this.port, "/cases?team=" + team, "alice");
		assertThat(browser.findElement(By.id("link-shown")).getText()).contains("3 case(s)");
		browser.findElement(By.id("link-shown-problem")).sendKeys("PRB-0");
		browser.findElement(By.id("link-shown")).click();
		Chromium.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("queue-error")));

		browser.get("http://localhost:" + this.port + "/cases?team=" + team);
		browser.findElement(By.id("link-shown-problem")).sendKeys(problem);
		browser.findElement(By.id("link-shown")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem-message"), "3 case(s) linked"));
		assertThat(browser.findElement(By.id("impact-cases")).getText()).isEqualTo("3");
	}

	@Test
	void anAgentLinksTheCaseInFrontOfThemToTheProblemItsPageOffers() {
		String reason = "offer_" + UUID.randomUUID().toString().substring(0, 6);
		String reference = this.intake
			.receive(new IncomingContact(Channel.PHONE, Direction.INBOUND,
					this.clock.instant().minus(Duration.ofMinutes(5)), "My upgrade was charged twice",
					Map.of(IdentityKind.EMAIL, "offer-" + UUID.randomUUID() + "@example.com"), null, null, null, null))
			.caseReference();
		this.cases.chooseReason(reference, reason, "alice");
		String problem = this.problems
			.open(new Problems.ProblemForm("Upgrades are charged twice", null, "finance", null, null, null, reason,
					null, null, null, null), new Problems.Actor("maria", true))
			.reference();

		Chromium.openAs(browser, this.port, "/cases/" + reference, "alice");
		assertThat(browser.findElement(By.id("problems-to-link")).getText()).contains(problem,
				"Upgrades are charged twice", "same contact reason");
		browser.findElement(By.id("link-to-" + problem)).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Linked to " + problem));
		assertThat(browser.findElement(By.id("case-problem")).getText()).startsWith("Linked to " + problem);
		assertThat(browser.findElement(By.id("known-error-" + problem)).getText()).contains("Linked problem");

		browser.findElement(By.linkText(problem)).click();
		Chromium.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("linked-cases")));
		assertThat(browser.findElement(By.id("linked-cases")).getText()).contains(reference);
	}

	@Test
	void aManagerProposesTheKnownErrorsFixToEveryOpenLinkedCaseAtOnce() {
		List<String> linked = new java.util.ArrayList<>();
		for (int i = 0; i < 2; i++) {
			linked.add(this.intake.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND,
					this.clock.instant().minus(Duration.ofHours(i + 1)), "My upgrade was charged twice",
					Map.of(IdentityKind.EMAIL, "all-" + UUID.randomUUID() + "@example.com"), null, null, null, null))
				.caseReference());
		}
		Problems.Actor maria = new Problems.Actor("maria", true);
		String problem = this.problems
			.open(new Problems.ProblemForm("Upgrades are charged twice", null, "finance", null, null,
					"Proration uses the old plan's price", null, "Credit the difference", null, null, null), maria)
			.reference();
		this.problems.link(problem, linked);
		this.problems.moveTo(problem, ProblemStatus.INVESTIGATING, "looking", maria);
		this.problems.moveTo(problem, ProblemStatus.ROOT_CAUSE_KNOWN, "found", maria);

		Chromium.openAs(browser, this.port, "/problems/" + problem, "maria");
		browser.findElement(By.cssSelector("#resolve-all-form textarea"))
			.sendKeys("We credited the difference and corrected your bill.");
		browser.findElement(By.id("resolve-all")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem-message"),
					"Resolution proposed on 2 case(s)"));
		assertThat(linked).allSatisfy(reference -> assertThat(this.cases.find(reference).orElseThrow().status())
			.isEqualTo(CaseStatus.AWAITING_CONFIRMATION));
	}

	@Test
	void aProblemWithManyCasesListsThemAPageAtATime() {
		List<String> linked = new java.util.ArrayList<>();
		for (int i = 0; i < 27; i++) {
			linked.add(this.intake.receive(new IncomingContact(Channel.WEB, Direction.INBOUND,
					this.clock.instant().minus(Duration.ofMinutes(i + 1)), "The app logs me out",
					Map.of(IdentityKind.EMAIL, "paged-" + UUID.randomUUID() + "@example.com"), null, null, null, null))
				.caseReference());
		}
		Problems.Actor maria = new Problems.Actor("maria", true);
		String problem = this.problems
			.open(new Problems.ProblemForm("The app logs everyone out", null, "product", null, null, null, null, null,
					null, null, null), maria)
			.reference();
		this.problems.link(problem, linked);

		Chromium.openAs(browser, this.port, "/problems/" + problem, "maria");
		assertThat(browser.findElement(By.id("linked-range")).getText()).startsWith("Cases 1–25 of 27");
		assertThat(browser.findElement(By.id("linked-cases")).getText()).contains(linked.get(0))
			.doesNotContain(linked.get(26) + " ");
		browser.findElement(By.id("next-page")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("linked-range"), "Cases 26–27 of 27"));
		assertThat(browser.getCurrentUrl()).contains("casesPage=2");
		assertThat(browser.findElement(By.id("linked-cases")).getText()).contains(linked.get(26));
	}

	@Test
	void aManagerTakesASurgeFromProblemToVerifiedFix() {
		String reason = "surge_" + UUID.randomUUID().toString().substring(0, 6);
		for (int day = 1; day <= 8; day++) {
			String reference = this.intake.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND,
					this.clock.instant().minus(Duration.ofDays(2L * day)), "My upgrade was charged twice",
					Map.of(IdentityKind.EMAIL, "surge-" + UUID.randomUUID() + "@example.com"), null, null, null, null))
				.caseReference();
			this.cases.chooseReason(reference, reason, "alice");
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);

		Chromium.openAs(browser, this.port, "/cases", "maria");
		browser.findElement(By.linkText("Problems")).click();
		Chromium.waiting(browser).until(ExpectedConditions.titleContains("Problems"));
		browser.findElement(By.id("problem-title")).sendKeys("Upgrades are charged twice");
		new Select(browser.findElement(By.id("problem-team"))).selectByValue("finance");
		browser.findElement(By.id("problem-reason")).sendKeys(reason);
		browser.findElement(By.id("open-problem")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem-message"), "opened"));

		ProblemPage.setDate(browser, "link-from", today.minusDays(30));
		ProblemPage.setDate(browser, "link-to", today);
		browser.findElement(By.id("link-cases")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem-message"), "8 case(s) linked"));
		assertThat(browser.findElement(By.id("impact-cases")).getText()).isEqualTo("8");
		String problem = browser.findElement(By.id("problem-reference")).getText();
		browser.findElement(By.linkText("Problems")).click();
		assertThat(browser.findElement(By.id("ranked-" + problem)).getText()).contains("finance", " 8 ");
		new Select(browser.findElement(By.id("team-select"))).selectByValue("finance");
		Chromium.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("team-problems")));
		assertThat(browser.findElement(By.id("ranked-" + problem)).getText()).contains(" 8 ").doesNotContain("finance");
		browser.findElement(By.linkText(problem)).click();

		ProblemPage.describeRootCause(browser, "Proration uses the old plan's price", "Credit the difference");
		ProblemPage.analyseAndPlan(browser, today);
		ProblemPage.moveToFixDeployed(browser);

		this.clock.advance(Duration.ofDays(14));
		browser.navigate().refresh();
		assertThat(browser.findElement(By.id("verification-verdict")).getText()).contains("significant");
		browser.findElement(By.id("verify-fix")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem-status"), "verified"));
		browser.findElement(By.linkText("Problems")).click();
		assertThat(browser.findElements(By.id("ranked-" + problem))).isEmpty();
		assertThat(browser.findElement(By.id("verified-" + problem)).getText()).contains("Upgrades are charged twice");
	}

}

package io.rootcase.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.followups.FollowUps;
import io.rootcase.intake.ContactIntake;
import io.rootcase.staff.Staff;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent schedules a follow-up on a case, finds it overdue in their queue, completes
 * it, and the customer's timeline shows what was found. In a real headless Chromium.
 */
@RootcaseIntegrationTest
class FollowUpBrowserTests extends BrowserTest {

	@Autowired
	ContactIntake intake;

	@Autowired
	FollowUps followUps;

	@Autowired
	Staff staff;

	FollowUpFixtures fixtures() {
		return new FollowUpFixtures(this.staff, this.intake);
	}

	@Test
	void anOverdueFollowUpIsDoneFromTheQueueAndLandsOnTheTimeline() {
		String agent = fixtures().newAgent();
		String reference = fixtures().newCase("Router lights blink orange");
		Chromium.openAs(browser, this.port, "/cases/" + reference, agent);
		String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
				browser.findElement(By.id("follow-up-due")), yesterday);
		browser.findElement(By.id("follow-up-note")).sendKeys("Check the lights after the firmware push");
		browser.findElement(By.id("schedule-follow-up")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-follow-ups"), "overdue"));

		this.followUps.schedule(reference, Instant.now().plus(Duration.ofDays(7)), agent, "Ask again next week", agent);

		browser.findElement(By.linkText("Follow-ups")).click();
		Chromium.waiting(browser).until(ExpectedConditions.titleContains("Follow-ups"));
		assertThat(browser.findElement(By.id("follow-up-table")).getText()).doesNotContain("Ask again next week");
		WebElement row = browser.findElements(By.cssSelector("#follow-up-table tr.overdue"))
			.stream()
			.filter(r -> r.getText().contains(reference))
			.findFirst()
			.orElseThrow();
		row.findElement(By.className("follow-up-outcome")).sendKeys("Lights steady green since the push");
		row.findElement(By.className("follow-up-complete")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-up-message"), "Follow-up done"));
		assertThat(browser.findElement(By.id("follow-up-table")).getText()).doesNotContain(reference);
		browser.findElement(By.id("toggle-when")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-up-table"), "Ask again next week"));

		Chromium.open(browser, this.port, "/cases/" + reference);
		assertThat(browser.findElement(By.id("timeline")).getText())
			.contains("follow-up (manual): Lights steady green since the push");
	}

	@Test
	void anAgentWithManyFollowUpsDueTodayPagesThroughThem() {
		String agent = fixtures().newAgent();
		String reference = fixtures().newCase("The box freezes");
		Instant start = Instant.now().minus(Duration.ofDays(2));
		for (int i = 0; i < 52; i++) {
			this.followUps.schedule(reference, start.plus(Duration.ofMinutes(i)), agent, "Look " + i, agent);
		}

		Chromium.openAs(browser, this.port, "/follow-ups", agent);
		assertThat(browser.findElement(By.id("follow-up-range")).getText()).isEqualTo("Follow-ups 1–50 of 52");
		browser.findElement(By.id("next-page")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-up-range"), "51–52 of 52"));
		assertThat(browser.findElements(By.cssSelector("#follow-up-table tbody tr"))).hasSize(2);
		assertThat(browser.findElement(By.id("follow-up-table")).getText()).contains("Look 51")
			.doesNotContain("Look 49");
	}

}

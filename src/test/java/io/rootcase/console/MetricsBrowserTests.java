package io.rootcase.console;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.cases.ActionKind;
import io.rootcase.cases.Cases;
import io.rootcase.cases.RootCauseState;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager reads the resolution dashboard in a real headless Chromium: the figures, the
 * weekly charts (endings, and how long customers waited) and the figures by team.
 */
@RootcaseIntegrationTest
class MetricsBrowserTests extends BrowserTest {

	@Autowired
	ContactIntake intake;

	@Autowired
	Cases cases;

	@Test
	void aManagerSeesTheFiguresTheWeeklyChartAndTheTeams() {
		String reference = this.intake
			.receive(new IncomingContact(Channel.SOCIAL, Direction.INBOUND, Instant.now(), "Router keeps rebooting",
					Map.of(IdentityKind.EMAIL, "metrics-browser-" + UUID.randomUUID() + "@example.com"), null, null,
					null, null))
			.caseReference();
		this.intake.reply(reference, "Let us look at your router", "alice");
		this.cases.recordAction(reference, ActionKind.PALLIATIVE, "Router reset", 5, "alice");
		this.cases.proposeResolution(reference, "Reset it", "alice", Instant.now());
		this.cases.confirmResolution(reference, Instant.now());
		String customer = "metrics-browser-cured-" + UUID.randomUUID() + "@example.com";
		String cured = social(customer, "Charged twice for my October bill");
		this.cases.recordRootCause(cured, RootCauseState.KNOWN, "billing_proration_bug");
		this.cases.recordAction(cured, ActionKind.CURATIVE, "Corrected the proration rule", 30, "billing_proration_bug",
				null, "fiona", Instant.now());
		this.cases.proposeResolution(cured, "Fixed the bill", "fiona", Instant.now());
		this.cases.confirmResolution(cured, Instant.now());
		social(customer, "Charged twice for my bill again");

		Chromium.openAs(browser, this.port, "/cases", "maria");
		browser.findElement(By.linkText("Metrics")).click();
		Chromium.waiting(browser).until(d -> !d.findElements(By.id("metrics-tiles")).isEmpty());
		assertThat(Integer.parseInt(browser.findElement(By.id("tile-relieved")).getText())).isPositive();
		assertThat(Integer.parseInt(browser.findElement(By.id("tile-confirmed")).getText())).isPositive();
		assertThat(browser.findElement(By.id("breakdown-table")).getText()).contains("support");
		Object bars = ((JavascriptExecutor) browser)
			.executeScript("const c = Chart.getChart('weekly-chart'); return c ? c.data.datasets.length : 0;");
		assertThat(((Number) bars).intValue()).as("the chart was drawn with its five series").isEqualTo(5);
		assertThat(browser.findElement(By.id("tile-first-reply")).getText()).as("the case was answered")
			.matches("[0-9.]+ (min|h|d)");
		Object lines = ((JavascriptExecutor) browser)
			.executeScript("const c = Chart.getChart('waiting-chart'); return c ? c.data.datasets.length : 0;");
		assertThat(((Number) lines).intValue()).as("the waiting times were drawn").isEqualTo(2);

		new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("channel")))
			.selectByVisibleText("social");
		browser.findElement(By.id("apply-filter")).click();
		Chromium.waiting(browser).until(d -> d.getCurrentUrl().contains("channel=SOCIAL"));
		assertThat(Integer.parseInt(browser.findElement(By.id("tile-confirmed")).getText())).isPositive();
		// Other tests' histories share the period: the share is above nothing, whatever
		// it
		// is (under ten per cent it has a decimal).
		assertThat(browser.findElement(By.id("tile-cure-not-held")).getText()).as("a cure came back")
			.matches("[0-9]+(\\.[0-9])?%")
			.isNotIn("0%", "0.0%");
		assertThat(browser.findElement(By.id("breakdown-table")).getText())
			.containsIgnoringCase("came back after a cure");
	}

	private String social(String email, String text) {
		return this.intake
			.receive(new IncomingContact(Channel.SOCIAL, Direction.INBOUND, Instant.now(), text,
					Map.of(IdentityKind.EMAIL, email), null, null, null, null))
			.caseReference();
	}

}

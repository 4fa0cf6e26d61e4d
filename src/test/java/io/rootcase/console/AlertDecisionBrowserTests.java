package io.rootcase.console;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager who knows why a surge happened (a campaign, an outage already handled)
 * acknowledges the alert, then dismisses it saying why, which is what the detector's
 * evaluation reads. In a real headless Chromium.
 */
@RootcaseIntegrationTest
class AlertDecisionBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	/**
	 * Stored as the surge watch stores what it finds: how a surge is found is the
	 * detector's business, tested apart.
	 */
	UUID anOpenAlert() {
		UUID id = UUID.randomUUID();
		var hour = this.clock.instant().truncatedTo(ChronoUnit.HOURS);
		this.jdbc.sql("""
				insert into trend_alerts (id, series_key, state, surging_since, last_flagged, detected_at,
				                          observed, expected, p_value)
				values (?, ?, 'OPEN', ?, ?, ?, 31, 6.5, 0.00002)""")
			.params(id, "reason:campaign_" + id.toString().substring(0, 8),
					Timestamp.from(hour.minus(Duration.ofHours(3))), Timestamp.from(hour), Timestamp.from(hour))
			.update();
		return id;
	}

	@Test
	void aManagerAcknowledgesASurgeThenDismissesItSayingWhy() {
		UUID alert = anOpenAlert();

		Chromium.openAs(browser, this.port, "/trends/alerts/" + alert, "maria");
		assertThat(browser.findElement(By.id("alert-state")).getText()).isEqualTo("open");
		assertThat(browser.findElement(By.id("alert-observed")).getText()).isEqualTo("31");
		browser.findElement(By.id("acknowledge")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-state"), "acknowledged"));
		assertThat(browser.findElements(By.id("acknowledge"))).as("acknowledged once").isEmpty();

		browser.findElement(By.id("alert-dismiss-reason")).sendKeys("The spring mailing asked customers to call");
		browser.findElement(By.id("dismiss")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-state"), "dismissed"));
		assertThat(browser.findElement(By.id("alert")).getText()).contains("Dismissed because",
				"The spring mailing asked customers to call");
		assertThat(browser.findElements(By.id("alert-problem-form"))).as("decided").isEmpty();
	}

}

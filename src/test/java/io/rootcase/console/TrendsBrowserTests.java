package io.rootcase.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.demo.DemoDataset;
import io.rootcase.demo.DemoLoader;
import io.rootcase.demo.DemoTrends;
import io.rootcase.reasons.ReasonStatus;
import io.rootcase.reasons.ReasonTaxonomy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's history as the trends dashboard shows it: the billing surge alerted with its
 * chart, the phone-line problem nobody can explain grouped as an emerging problem, and a
 * manager turning the surge into a problem in one step, then taking the problem to a
 * deployed fix the data verifies. In a real headless Chromium.
 */
@RootcaseIntegrationTest
class TrendsBrowserTests extends BrowserTest {

	@Autowired
	DemoLoader loader;

	@Autowired
	DemoTrends trends;

	@Autowired
	TestClock clock;

	@Autowired
	ReasonTaxonomy taxonomy;

	/**
	 * The demo's reasons, active while the demo's history is classified: another test may
	 * have retired them.
	 */
	@BeforeEach
	void demoReasonsActive() {
		DemoDataset.reasonKeys()
			.forEach(key -> this.taxonomy.find(key)
				.filter(r -> r.status() == ReasonStatus.RETIRED)
				.ifPresent(r -> this.taxonomy.reinstate(key)));
	}

	/** Later tests train their own reasons; the demo's would compete with them. */
	@AfterEach
	void demoReasonsRetired() {
		DemoDataset.reasonKeys()
			.forEach(key -> this.taxonomy.find(key)
				.filter(r -> r.status() != ReasonStatus.RETIRED)
				.ifPresent(r -> this.taxonomy.retire(key)));
	}

	@Test
	void aManagerSeesTheDemoSurgeAndAnEmergingProblemAndTurnsTheSurgeIntoAProblem() {
		// The demo itself: its surge must be found as a reason's by the time it starts,
		// also with other tests' series in the same hours' false-discovery control.
		DemoDataset dataset = new DemoDataset(DemoDataset.Spec.standard(42, Instant.now()));
		this.loader.loadOrganisation();
		this.loader.loadReasons(dataset);
		this.loader.loadHistory(dataset);
		this.trends.load();

		Chromium.openAs(browser, this.port, "/cases", "maria");
		assertThat(browser.findElement(By.id("new-alerts")).getText()).isNotBlank();
		browser.findElement(By.id("nav-trends")).click();
		Chromium.waiting(browser).until(ExpectedConditions.titleContains("Trends"));

		assertThat(drawn("movers-chart")).isTrue();
		List<WebElement> clusters = browser.findElements(By.cssSelector("#clusters .cluster-link"));
		assertThat(clusters).as("an emerging problem about the phone line")
			.anySatisfy(c -> assertThat(c.getText()).containsAnyOf(DemoDataset.emergingWords().toArray(String[]::new)));

		String surge = this.taxonomy.find(DemoDataset.surgeReason()).orElseThrow().name();
		assertThat(browser.findElement(By.id("movers")).getText()).as("series by their names").contains(surge);
		browser.findElement(By.linkText(surge)).click();
		Chromium.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("alert-series")));
		assertThat(browser.findElement(By.id("alert-series")).getText()).isEqualTo(surge);
		assertThat(browser.findElement(By.id("alert-state")).getText()).isEqualTo("open");
		assertThat(drawn("surge-chart")).isTrue();
		int observed = Integer.parseInt(browser.findElement(By.id("alert-observed")).getText());
		assertThat(observed).isGreaterThan(5);
		assertThat(browser.findElements(By.cssSelector("#alert-cases tbody tr"))).hasSizeGreaterThanOrEqualTo(5);

		browser.findElement(By.id("problem-title")).sendKeys("Upgrades are charged twice");
		new Select(browser.findElement(By.id("problem-team"))).selectByValue("finance");
		browser.findElement(By.id("open-problem")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem-message"), "holds the cases"));
		assertThat(Integer.parseInt(browser.findElement(By.id("impact-cases")).getText())).isGreaterThanOrEqualTo(5);
		String problemPage = browser.getCurrentUrl();

		browser.navigate().back();
		browser.navigate().refresh();
		assertThat(browser.findElement(By.id("alert-state")).getText()).isEqualTo("problem");
		// Next step offered: telling the customers the surge affects.
		browser.findElement(By.id("tell-affected")).click();
		Chromium.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("notice-form")));
		assertThat(browser.getCurrentUrl()).endsWith("#notices");
		assertThat(browser.findElement(By.id("notice-message")).getAttribute("value"))
			.startsWith("We know about a problem: Upgrades are charged twice.");

		// On to the fix: every matching case of the last month linked in bulk, the
		// analysis and an action item, the fix deployed and, two weeks on, verified by
		// the data.
		browser.get(problemPage);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		ProblemPage.setDate(browser, "link-from", today.minusDays(30));
		ProblemPage.setDate(browser, "link-to", today);
		browser.findElement(By.id("link-cases")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem-message"), "case(s) linked"));
		ProblemPage.describeRootCause(browser, "Proration reads the old plan's price", "Credit the difference");
		ProblemPage.analyseAndPlan(browser, today);
		ProblemPage.moveToFixDeployed(browser);
		this.clock.advance(Duration.ofDays(14));
		browser.navigate().refresh();
		assertThat(browser.findElement(By.id("verification-verdict")).getText()).contains("significant");
	}

	/** Whether Chart.js drew on the canvas. */
	private static boolean drawn(String canvas) {
		return (Boolean) ((JavascriptExecutor) browser)
			.executeScript("return !!Chart.getChart(document.getElementById(arguments[0]))", canvas);
	}

}

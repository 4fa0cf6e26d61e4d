package io.rootcase.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactReceipt;
import io.rootcase.intake.IncomingContact;
import io.rootcase.reasons.ContactReasons;
import io.rootcase.reasons.LabelState;
import io.rootcase.reasons.ReasonModels;
import io.rootcase.reasons.ReasonTaxonomy;
import io.rootcase.reasons.TrainedReasons;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import io.rootcase.trends.LastHourSurge;
import io.rootcase.trends.TrendSeries;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A manager does not wait for the schedule: tests the new hours for surges and groups the
 * unexplained cases from the trends dashboard, and finds what each found. In a real
 * headless Chromium.
 */
@RootcaseIntegrationTest
class TrendJobsBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	TestClock clock;

	@Autowired
	ReasonTaxonomy taxonomy;

	@Autowired
	TrendSeries series;

	@Autowired
	ContactIntake intake;

	@Autowired
	ContactReasons contactReasons;

	@Autowired
	ReasonModels models;

	@Test
	void aManagerTestsTheNewHoursNowAndFindsTheSurgeAlerted() {
		String key = "dbl_" + UUID.randomUUID().toString().substring(0, 8);
		String name = "Charged twice " + key;
		this.taxonomy.add(new ReasonTaxonomy.Definition(key, name, null, "finance", null));
		LastHourSurge surge = LastHourSurge.of(this.context, key, this.clock.instant());
		await().atMost(Duration.ofSeconds(30)).until(() -> surge.counted(this.context) == surge.total());
		// Recounted, the watch tests the last week again rather than only hours it has
		// not seen (another test's watch may have seen this one, empty).
		this.series.rebuild();

		Chromium.openAs(browser, this.port, "/trends", "maria");
		browser.findElement(By.id("test-now")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trends-message"), "hour(s) tested"));
		int tested = Integer.parseInt(browser.findElement(By.id("trends-message")).getText().split(" ")[0]);
		assertThat(tested).as("the week since the recount").isGreaterThan(24);

		browser.findElement(By.linkText(name)).click();
		Chromium.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("alert-series")));
		assertThat(browser.findElement(By.id("alert-state")).getText()).isEqualTo("open");
		assertThat(browser.findElement(By.id("alert-observed")).getText()).isEqualTo("14");
		assertThat(browser.findElements(By.cssSelector("#alert-cases tbody tr"))).hasSize(surge.cases().size());
	}

	@Test
	void aManagerGroupsTheUnexplainedCasesNowAndOpensTheGroupTheyMake() {
		TrainedReasons.ensure(this.taxonomy, this.contactReasons, this.models);
		List<String> texts = List.of("How long should I roast a whole chicken in the oven?",
				"How many minutes does a whole chicken need to roast in the oven?",
				"What oven temperature is right for roasting a whole chicken?",
				"How long do I roast a chicken for in a hot oven?",
				"Roasting a whole chicken in the oven: how long does it take?",
				"How long to roast a chicken at 200 degrees in the oven?");
		List<String> references = new ArrayList<>();
		for (String text : texts) {
			ContactReceipt receipt = this.intake.receive(new IncomingContact(Channel.CHAT, Direction.INBOUND,
					Instant.now(), text, Map.of(IdentityKind.EMAIL, "roast-" + UUID.randomUUID() + "@example.com"),
					null, null, null, null));
			references.add(receipt.caseReference());
			await().atMost(Duration.ofSeconds(20))
				.alias("a question about cooking fits no reason of the model")
				.until(() -> this.contactReasons.labelsOfCase(receipt.caseId())
					.stream()
					.anyMatch(l -> l.state() == LabelState.UNCLASSIFIED));
		}

		Chromium.openAs(browser, this.port, "/trends", "maria");
		browser.findElement(By.id("cluster-now")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trends-message"),
					"emerging problem(s) found"));
		WebElement group = browser.findElements(By.cssSelector("#clusters .cluster"))
			.stream()
			.filter(c -> c.getText().contains("roast"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no group of the cooking questions on the dashboard"));
		group.findElement(By.className("cluster-link")).click();

		Chromium.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("emerging-cases")));
		assertThat(browser.findElement(By.id("emerging-terms")).getText()).contains("chicken");
		assertThat(browser.findElement(By.id("emerging-cases")).getText()).contains(references);
	}

}

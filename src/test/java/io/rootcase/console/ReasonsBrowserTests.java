package io.rootcase.console;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactReceipt;
import io.rootcase.intake.IncomingContact;
import io.rootcase.reasons.ContactReasons;
import io.rootcase.reasons.ExampleSource;
import io.rootcase.reasons.LabelState;
import io.rootcase.reasons.ModelVersion;
import io.rootcase.reasons.ReasonModels;
import io.rootcase.reasons.ReasonTaxonomy;
import io.rootcase.reasons.SentenceEncoder;
import io.rootcase.reasons.TrainedReasons;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An agent finds an unclassified contact in triage and gives it its reason; the label
 * becomes training data and the case takes the reason. A manager adds a reason and sees
 * the model versions. In a real headless Chromium.
 */
@RootcaseIntegrationTest
class ReasonsBrowserTests extends BrowserTest {

	@Autowired
	ContactIntake intake;

	@Autowired
	ReasonTaxonomy taxonomy;

	@Autowired
	ContactReasons contactReasons;

	@Autowired
	ReasonModels models;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SentenceEncoder encoder;

	@Test
	void anAgentCorrectsAnUnclassifiedContactInTriageAndItBecomesTrainingData() {
		TrainedReasons.ensure(this.taxonomy, this.contactReasons, this.models);
		ContactReceipt receipt = this.intake.receive(new IncomingContact(Channel.CHAT, Direction.INBOUND, Instant.now(),
				"Could you tell me which wine goes with grilled fish?",
				Map.of(IdentityKind.EMAIL, "triage-" + UUID.randomUUID() + "@example.com"), null, null, null, null));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.contactReasons.labelsOfCase(receipt.caseId())
				.stream()
				.anyMatch(l -> l.state() == LabelState.UNCLASSIFIED));

		Chromium.openAs(browser, this.port, "/cases", "alice");
		browser.findElement(By.linkText("Triage")).click();
		Chromium.waiting(browser).until(ExpectedConditions.titleContains("Triage"));
		WebElement row = browser.findElement(By.id("triage-" + receipt.contactId()));
		new Select(row.findElement(By.className("triage-reason"))).selectByVisibleText("Delivery");
		row.findElement(By.className("triage-label")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("triage-message"), "Labelled"));
		assertThat(browser.findElements(By.id("triage-" + receipt.contactId()))).isEmpty();

		assertThat(this.contactReasons.examples(ExampleSource.CORRECTED, 500, 0)).anySatisfy(e -> {
			assertThat(e.contactId()).isEqualTo(receipt.contactId());
			assertThat(e.reasonKey()).isEqualTo("delivery");
			assertThat(e.labelledBy()).isEqualTo("alice");
		});
		Chromium.open(browser, this.port, "/cases/" + receipt.caseReference());
		assertThat(browser.findElement(By.id("case-reason")).getText()).contains("Delivery")
			.contains("set by an agent");
	}

	@Test
	void aManagerAddsAReasonAndSeesTheModelVersionsWhatTheyReadAndTrainingData() {
		TrainedReasons.ensure(this.taxonomy, this.contactReasons, this.models);
		int live = this.models.live().orElseThrow().version();
		// A version from before an upgrade that changed the sentence encoders.
		int stale = this.jdbc.sql("select coalesce(max(version), 0) + 1 from reason_models")
			.query(Integer.class)
			.single();
		Timestamp then = Timestamp.from(Instant.parse("2026-01-05T10:00:00Z"));
		this.jdbc.sql("""
				insert into reason_models (version, status, started_at, finished_at, requested_by, encoder)
				values (?, 'RETIRED', ?, ?, 'an upgrade', 'an-older-encoder')""").params(stale, then, then).update();
		String key = "browser_" + UUID.randomUUID().toString().substring(0, 6);

		Chromium.openAs(browser, this.port, "/cases", "maria");
		browser.findElement(By.linkText("Reasons")).click();
		Chromium.waiting(browser).until(ExpectedConditions.titleContains("Contact reasons"));
		browser.findElement(By.id("new-reason-key")).sendKeys(key);
		browser.findElement(By.id("new-reason-name")).sendKeys("Browser reason");
		browser.findElement(By.id("add-reason")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reasons-message"), "Reason added"));

		assertThat(browser.findElement(By.id("reason-" + key)).getText()).contains("Browser reason");
		assertThat(browser.findElement(By.id("models-table")).getText()).contains("live");
		WebElement liveRow = browser.findElement(By.id("model-" + live));
		assertThat(liveRow.getText()).contains(this.encoder.name()).doesNotContain("cannot be used");
		WebElement staleRow = browser.findElement(By.id("model-" + stale));
		assertThat(staleRow.getText()).contains("an-older-encoder").contains("cannot be used");
		assertThat(staleRow.findElements(By.cssSelector("button.activate"))).isEmpty();
		assertThat(browser.findElement(By.id("example-counts")).getText()).contains("imported");
	}

	@Test
	void aManagerTrainsAVersionSeesItEvaluatedWithoutReloadingAndBringsTheOtherBack() {
		TrainedReasons.ensure(this.taxonomy, this.contactReasons, this.models);
		int before = this.models.live().orElseThrow().version();
		Chromium.openAs(browser, this.port, "/reasons", "maria");
		try {
			browser.findElement(By.id("retrain")).click();
			Chromium.waiting(browser)
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reasons-message"),
						"Training started"));
			int trained = this.models.versions().stream().mapToInt(ModelVersion::version).max().orElseThrow();
			assertThat(trained).isGreaterThan(before);
			new WebDriverWait(browser, Duration.ofSeconds(90))
				.until(ExpectedConditions.invisibilityOfElementLocated(By.id("models-training")));
			String verdict = status(trained);
			assertThat(verdict).isIn("live", "rejected");
			assertThat(browser.findElement(By.id("model-" + trained)).getText()).contains("%");

			// Whichever of the two is not live now is brought back, as after a bad
			// version.
			int other = verdict.equals("live") ? before : trained;
			browser.findElement(By.id("model-" + other)).findElement(By.cssSelector("button.activate")).click();
			Chromium.waiting(browser)
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reasons-message"),
						"Model version " + other + " is live."));
			assertThat(status(other)).isEqualTo("live");
			assertThat(status(other == before ? trained : before)).isEqualTo("retired");
			assertThat(this.models.live().orElseThrow().version()).isEqualTo(other);
		}
		finally {
			if (this.models.live().orElseThrow().version() != before) {
				this.models.activate(before);
			}
		}
	}

	@Test
	void theModelVersionsFollowARunTrainingElsewhereToItsEndWithoutAReload() {
		TrainedReasons.ensure(this.taxonomy, this.contactReasons, this.models);
		int version = this.jdbc.sql("select coalesce(max(version), 0) + 1 from reason_models")
			.query(Integer.class)
			.single();
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.sql("""
				insert into reason_models (version, status, started_at, alive_at, requested_by, encoder)
				values (?, 'TRAINING', ?, ?, 'another node', ?)""")
			.params(version, now, now, this.encoder.name())
			.update();
		try {
			Chromium.openAs(browser, this.port, "/reasons", "maria");
			assertThat(status(version)).isEqualTo("training");
			assertThat(browser.findElement(By.id("models-training")).isDisplayed()).isTrue();
			((JavascriptExecutor) browser).executeScript("window.stillThisPage = true");

			this.jdbc
				.sql("""
						update reason_models set status = 'REJECTED', finished_at = ?, note = 'less accurate than the live one'
						where version = ?""")
				.params(Timestamp.from(Instant.now()), version)
				.update();
			Chromium.waiting(browser).until(ExpectedConditions.invisibilityOfElementLocated(By.id("models-training")));
			assertThat(status(version)).isEqualTo("rejected");
			assertThat((Boolean) ((JavascriptExecutor) browser).executeScript("return window.stillThisPage === true"))
				.as("the table updated itself; the page was not reloaded")
				.isTrue();
		}
		finally {
			this.jdbc.sql("update reason_models set status = 'FAILED' where version = ? and status = 'TRAINING'")
				.param(version)
				.update();
		}
	}

	private static String status(int version) {
		return browser.findElement(By.id("model-" + version)).findElement(By.className("badge")).getText();
	}

}

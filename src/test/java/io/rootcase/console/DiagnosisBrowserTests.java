package io.rootcase.console;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.cases.ActionKind;
import io.rootcase.cases.Cases;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.demo.DemoLoader;
import io.rootcase.diagnosis.Diagnoses;
import io.rootcase.diagnosis.DiagnosisFixtures;
import io.rootcase.diagnosis.KnowledgeBase;
import io.rootcase.diagnosis.KnowledgeBase.Question;
import io.rootcase.diagnosis.KnowledgeBaseFile;
import io.rootcase.diagnosis.KnowledgeBases;
import io.rootcase.intake.ContactIntake;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent runs diagnoses in the console, in a real headless Chromium: one to a confirmed
 * root cause, one to an honest "unknown", and one on a problem that came back after a
 * cure.
 */
@RootcaseIntegrationTest
class DiagnosisBrowserTests extends BrowserTest {

	@Autowired
	ContactIntake intake;

	@Autowired
	CustomerDirectory customers;

	@Autowired
	KnowledgeBases knowledgeBases;

	@Autowired
	Diagnoses diagnoses;

	@Autowired
	Cases cases;

	@BeforeEach
	void theDemoKnowledgeBase() {
		DiagnosisFixtures.demoKnowledgeBase(this.knowledgeBases);
	}

	String demoCase(String text) {
		return contact("kb-" + UUID.randomUUID() + "@example.com", text, Instant.now().minusSeconds(120));
	}

	String contact(String email, String text, Instant at) {
		return new DiagnosisFixtures(this.intake, this.customers).caseFrom(email, "Maya Khan", text, at,
				Map.of("device", "HX-200 router", "plan", "Fibre 500"));
	}

	void click(By by) {
		Chromium.waiting(browser).ignoring(StaleElementReferenceException.class).until(d -> {
			d.findElement(by).click();
			return true;
		});
	}

	@Test
	void anAgentFollowsTheProposedStepsToAConfirmedRootCause() {
		KnowledgeBase kb = KnowledgeBaseFile.read(DemoLoader.demoKnowledgeBase());
		String reference = demoCase("Hi, my internet keeps dropping every evening around 8pm. Router lights go off.");
		Chromium.open(browser, this.port, "/cases/" + reference);
		click(By.id("start-diagnosis"));
		Chromium.waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("diagnosis-ranking")));

		// Answer as a customer whose router firmware reboots would, until no step is
		// proposed.
		for (int step = 0; step < 20 && !browser.findElements(By.id("next-step")).isEmpty(); step++) {
			WebElement next = browser.findElement(By.id("next-step"));
			String question = next.findElement(By.name("question")).getAttribute("value");
			String answer = mostLikelyAnswer(kb.question(question).orElseThrow(), "router_firmware_watchdog");
			next.findElement(By.xpath(".//button[normalize-space()='" + answer.replace('_', ' ') + "']")).click();
			Chromium.waiting(browser).until(ExpectedConditions.stalenessOf(next));
		}
		assertThat(browser.findElement(By.id("diagnosis-ranking")).getText()).startsWith("Router firmware reboots");
		click(By.id("confirm-router_firmware_watchdog"));

		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("diagnosis-finding"),
					"Push router firmware 4.2.1"));
		assertThat(browser.findElement(By.id("diagnosis-finding")).getText()).contains("Owned by team product")
			.contains("Remote router reset");
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("diagnostic action");
		assertThat(browser.findElement(By.id("case-root-cause")).getText())
			.isEqualTo("known: Router firmware reboots under evening load");
	}

	/**
	 * Opens a new case about the text and starts its diagnosis: the first step proposed.
	 */
	WebElement firstStep(String text) {
		Chromium.open(browser, this.port, "/cases/" + demoCase(text));
		click(By.id("start-diagnosis"));
		Chromium.waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("next-step")));
		return browser.findElement(By.id("next-step"));
	}

	@Test
	void anAgentSkipsAStepTheCustomerCannotAnswerAndIsOfferedAnother() {
		WebElement next = firstStep("Hi, my internet keeps dropping every evening around 8pm. Router lights go off.");
		String skipped = next.findElement(By.name("question")).getAttribute("value");

		click(By.id("skip-step"));
		Chromium.waiting(browser).until(ExpectedConditions.stalenessOf(next));

		assertThat(browser.findElement(By.id("next-step")).findElement(By.name("question")).getAttribute("value"))
			.as("another step")
			.isNotEqualTo(skipped);
		assertThat(browser.findElement(By.id("diagnosis-answers")).getText()).doesNotContain("(asked)");
	}

	@Test
	void anAgentDeclaresTheCauseUnknownAndTheAnswersAreKept() {
		WebElement next = firstStep("Something odd: the internet is fine but the landline hums when it rains.");
		next.findElements(By.cssSelector("button.answer")).get(0).click();
		Chromium.waiting(browser).until(ExpectedConditions.stalenessOf(next));
		click(By.id("declare-unknown"));

		Chromium.waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("diagnosis-unknown")));
		assertThat(browser.findElement(By.id("diagnosis-answers")).getText()).contains("(asked)");
		assertThat(browser.getPageSource()).contains(">unknown<");
	}

	@Test
	void anAgentSeesThatTheProblemCameBackAfterACure() {
		String email = "kb-" + UUID.randomUUID() + "@example.com";
		String cured = contact(email, "My internet drops every evening", Instant.now().minusSeconds(3 * 86_400));
		this.diagnoses.start(cured, "agent");
		this.diagnoses.confirm(cured, "router_firmware_watchdog", "agent");
		this.cases.recordAction(cured, ActionKind.CURATIVE, "Push router firmware 4.2.1", 10, "agent");
		this.cases.resolveOnBehalf(cured, "firmware pushed", "manager", Instant.now());
		String back = contact(email, "The internet drops every evening again", Instant.now());

		Chromium.open(browser, this.port, "/cases/" + back);
		assertThat(browser.findElement(By.id("cure-did-not-hold-banner")).getText()).contains("came back after a cure")
			.contains("Router firmware reboots under evening load")
			.contains(cured);
		assertThat(browser.findElements(By.id("recurrence-hint"))).as("the earlier case is found, so no hint")
			.isEmpty();
		click(By.id("start-diagnosis"));

		Chromium.waiting(browser)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("diagnosis-cure-did-not-hold")));
		WebElement notice = browser.findElement(By.id("diagnosis-cure-did-not-hold"));
		assertThat(notice.getText()).contains("came back after a cure")
			.contains("Router firmware reboots")
			.contains("5 times less likely");
		assertThat(notice.findElement(By.linkText(cured)).getAttribute("href")).endsWith("/cases/" + cured);
	}

	private static String mostLikelyAnswer(Question question, String cause) {
		return question.answers()
			.stream()
			.max(java.util.Comparator.comparingDouble(a -> question.likelihood(cause, a)))
			.orElseThrow();
	}

}

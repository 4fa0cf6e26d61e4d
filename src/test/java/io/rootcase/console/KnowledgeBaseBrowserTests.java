package io.rootcase.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.customers.IdentityKind;
import io.rootcase.demo.DemoLoader;
import io.rootcase.diagnosis.Diagnoses;
import io.rootcase.diagnosis.KnowledgeBases;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactReceipt;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager edits the knowledge base and reviews what diagnoses taught it; an agent
 * investigates unknown causes grouped by characterisation. In a real headless Chromium.
 */
@RootcaseIntegrationTest
class KnowledgeBaseBrowserTests extends BrowserTest {

	@Autowired
	KnowledgeBases knowledgeBases;

	@Autowired
	Diagnoses diagnoses;

	@Autowired
	ContactIntake intake;

	@Autowired
	CustomerDirectory customers;

	@BeforeEach
	void theDemoKnowledgeBase() {
		// The hand-written file, which these edits expect, unless it is current already;
		// earlier tests (problems teach it) may have left another version current.
		String demo = DemoLoader.demoKnowledgeBase();
		if (this.knowledgeBases.current().map(v -> !this.knowledgeBases.file(v.id()).equals(demo)).orElse(true)) {
			this.knowledgeBases.importFile(demo, "test");
		}
	}

	void edit(String content) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
				browser.findElement(By.id("kb-content")), content);
		browser.findElement(By.id("kb-save")).click();
	}

	@Test
	void aManagerEditsTheKnowledgeBaseInTheBrowserAndABadEditChangesNothing() {
		int versions = this.knowledgeBases.versions().size();
		Chromium.openAs(browser, this.port, "/knowledge-base", "maria");
		String current = browser.findElement(By.id("kb-content")).getAttribute("value");
		assertThat(current).contains("format: rootcase-kb/1");

		edit(current.replace("prior: 0.09", "prior: 1.5").replace("team: product", "team: "));
		Chromium.waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("kb-problems")));
		assertThat(browser.findElement(By.id("kb-problems")).getText()).contains("causes[0].prior")
			.contains("causes[0].team");
		assertThat(browser.findElement(By.id("kb-content")).getAttribute("value")).as("the edit is kept for fixing")
			.contains("prior: 1.5");
		assertThat(this.knowledgeBases.versions()).hasSize(versions);

		String label = "edited-" + UUID.randomUUID().toString().substring(0, 8);
		edit(current.replaceFirst("version: \"[^\"]*\"", "version: \"" + label + "\""));
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kb-message"), "Saved as version"));
		assertThat(browser.findElement(By.id("kb-current")).getText()).contains(label);
		assertThat(browser.findElement(By.id("kb-versions")).getText()).contains(label).contains("maria");
		assertThat(this.knowledgeBases.versions()).hasSize(versions + 1);
	}

	@Test
	void aManagerSeesWhatDiagnosesTaughtTheKnowledgeBaseAndResetsIt() {
		String reference = newCase("HX-200 router");
		this.diagnoses.start(reference, "alice");
		this.diagnoses.answer(reference, "evening_only", "no", false, "alice");
		this.diagnoses.confirm(reference, "router_firmware_watchdog", "alice");

		Chromium.openAs(browser, this.port, "/knowledge-base", "maria");
		assertThat(browser.findElement(By.id("kb-shifts")).getText())
			.contains("Does it happen mostly in the evening? → no");
		browser.findElement(By.id("kb-reset")).click();
		browser.switchTo().alert().accept();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kb-message"), "Learning reset"));
		assertThat(browser.findElement(By.id("kb-learning")).getText()).contains("0 confirmed")
			.contains("since the reset by maria");
	}

	@Test
	void agentsSeeUnknownCausesGroupedByWhatTheirDiagnosesFound() {
		List<String> alike = List.of(newCase("HX-200 router"), newCase("MeshPro kit"));
		for (String reference : alike) {
			this.diagnoses.start(reference, "alice");
			this.diagnoses.answer(reference, "ont_power_light", "off", false, "alice");
			this.diagnoses.answer(reference, "neighbours_affected", "yes", false, "alice");
			this.diagnoses.declareUnknown(reference, "alice");
		}
		Chromium.openAs(browser, this.port, "/cases", "alice");
		browser.findElement(By.linkText("Unknown causes")).click();
		Chromium.waiting(browser).until(ExpectedConditions.titleContains("Unknown causes"));
		String group = browser.findElements(By.cssSelector("section.group"))
			.stream()
			.map(s -> s.getText())
			.filter(text -> text.contains(alike.get(0)))
			.findFirst()
			.orElseThrow();
		assertThat(group).contains(alike.get(1))
			.contains("→ off")
			.contains("→ yes")
			.contains("Where it happens:")
			.contains("Which router does the customer have? hx200 1, mesh 1");
	}

	@Test
	void aManagerTakesAGroupOfUnknownCausesUpAsAProblemWhoseKnownRootCauseExplainsThem() {
		List<String> alike = List.of(newCase("HX-300 router"), newCase("HX-300 router"));
		for (String reference : alike) {
			this.diagnoses.start(reference, "alice");
			this.diagnoses.answer(reference, "tv_symptom", "freezing", false, "alice");
			this.diagnoses.answer(reference, "box_stuck_loading", "no", false, "alice");
			this.diagnoses.answer(reference, "entitlement_check", "match", false, "alice");
			this.diagnoses.declareUnknown(reference, "alice");
		}
		Chromium.openAs(browser, this.port, "/unknown-causes", "maria");
		var group = browser.findElements(By.cssSelector("section.group"))
			.stream()
			.filter(s -> s.getText().contains(alike.get(0)))
			.findFirst()
			.orElseThrow();
		group.findElement(By.cssSelector("details.group-problem summary")).click();
		group.findElement(By.name("title")).sendKeys("TV freezes, entitlements fine");
		new Select(group.findElement(By.name("team"))).selectByVisibleText("Product");
		group.findElement(By.cssSelector("button[id^=open-group-problem]")).click();

		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem-message"), "holds the cases now"));
		assertThat(browser.findElement(By.id("linked-cases")).getText()).contains(alike.get(0)).contains(alike.get(1));
		ProblemPage.describeRootCause(browser, "Set-top box decoder overheats", "Restart the box");
		for (String status : new String[] { "investigating", "root cause known" }) {
			new Select(browser.findElement(By.id("next-status"))).selectByVisibleText(status);
			browser.findElement(By.id("move-status")).click();
			Chromium.waiting(browser)
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem-status"), status));
		}

		Chromium.open(browser, this.port, "/cases/" + alike.get(1));
		assertThat(browser.findElement(By.id("diagnosis-explained")).getText())
			.contains("Root cause found by an investigation")
			.contains("maria");
		assertThat(browser.findElement(By.id("diagnosis-finding")).getText()).contains("TV freezes, entitlements fine");
		Chromium.open(browser, this.port, "/unknown-causes");
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContainPattern(alike.get(0) + "\\b");
	}

	String newCase(String device) {
		ContactReceipt receipt = this.intake.receive(new IncomingContact(Channel.PHONE, Direction.INBOUND,
				Instant.now().minusSeconds(60), "The box on the wall is dark and the street has no internet",
				Map.of(IdentityKind.EMAIL, "kbb-" + UUID.randomUUID() + "@example.com"), "Kim", null, null, null));
		this.customers.describe(receipt.customerId(), Map.of("device", device));
		return receipt.caseReference();
	}

}

package io.rootcase.console;

import java.util.List;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.cases.Cases;
import io.rootcase.diagnosis.DiagnosisFixtures;
import io.rootcase.diagnosis.KnowledgeBases;
import io.rootcase.trends.ProposedGroup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager decides on a group of unexplained cases from its page: makes it a problem
 * holding its cases, a contact reason its cases take, or dismisses it. In a real headless
 * Chromium.
 */
@RootcaseIntegrationTest
class EmergingBrowserTests extends BrowserTest {

	@Autowired
	Cases cases;

	@Autowired
	TestClock clock;

	@Autowired
	KnowledgeBases knowledgeBases;

	@Autowired
	ApplicationContext context;

	List<String> members;

	UUID group;

	@BeforeEach
	void aProposedGroupOfThreeUnexplainedCases() {
		ProposedGroup proposed = ProposedGroup.ofThreeEchoCases(this.context, this.clock.instant());
		this.group = proposed.id();
		this.members = proposed.members();
	}

	void openGroup() {
		Chromium.openAs(browser, this.port, "/trends/emerging/" + this.group, "maria");
		assertThat(browser.findElement(By.id("emerging-terms")).getText()).isEqualTo("echo, line");
		assertThat(browser.findElement(By.id("emerging-cases")).getText()).contains(this.members);
	}

	@Test
	void aManagerMakesTheGroupAProblemHoldingItsCases() {
		openGroup();
		browser.findElement(By.cssSelector("#as-problem-form input[name=title]"))
			.sendKeys("Echo on phone lines after the router update");
		new Select(browser.findElement(By.cssSelector("#as-problem-form select[name=team]"))).selectByValue("product");
		browser.findElement(By.id("as-problem")).click();

		Chromium.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("impact-cases")));
		assertThat(browser.findElement(By.id("impact-cases")).getText()).isEqualTo("3");
		assertThat(browser.findElement(By.id("linked-cases")).getText()).contains(this.members);
		browser.get("http://localhost:" + this.port + "/trends/emerging/" + this.group);
		assertThat(browser.findElement(By.id("emerging-state")).getText()).isEqualTo("adopted");
		assertThat(browser.findElements(By.id("as-problem"))).as("decided once").isEmpty();
	}

	@Test
	void aManagerMakesTheGroupAContactReasonItsCasesTake() {
		String key = "echo_" + UUID.randomUUID().toString().substring(0, 8);
		openGroup();
		browser.findElement(By.cssSelector("#as-reason-form input[name=key]")).sendKeys(key);
		browser.findElement(By.cssSelector("#as-reason-form input[name=name]")).sendKeys("Echo on the phone line");
		browser.findElement(By.id("as-reason")).click();

		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("emerging-message"), "its cases took it"));
		assertThat(browser.findElement(By.id("emerging-state")).getText()).isEqualTo("adopted");
		assertThat(this.members).allSatisfy(
				reference -> assertThat(this.cases.find(reference).orElseThrow().contactReason()).isEqualTo(key));
	}

	@Test
	void aManagerDismissesTheGroupSayingWhy() {
		openGroup();
		browser.findElement(By.id("dismiss-reason")).sendKeys("Three customers of one faulty exchange");
		browser.findElement(By.id("dismiss-emerging")).click();

		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("emerging-message"), "dismissed"));
		assertThat(browser.findElement(By.id("emerging-state")).getText()).isEqualTo("dismissed");
		assertThat(browser.getPageSource()).contains("dismissed: Three customers of one faulty exchange");
	}

	@Test
	void aManagerMakesTheGroupARootCauseForDiagnosisToFind() {
		DiagnosisFixtures.demoKnowledgeBase(this.knowledgeBases);
		String key = "router_echo_" + UUID.randomUUID().toString().substring(0, 8);
		openGroup();
		browser.findElement(By.cssSelector("#as-cause-form input[name=key]")).sendKeys(key);
		browser.findElement(By.cssSelector("#as-cause-form input[name=name]")).sendKeys("Echo from the voice port");
		browser.findElement(By.cssSelector("#as-cause-form input[name=workaround]"))
			.sendKeys("Plug the phone into the wall socket");
		browser.findElement(By.id("as-cause")).click();

		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("emerging-message"),
					"added to the knowledge base"));
		assertThat(browser.findElement(By.id("emerging-state")).getText()).isEqualTo("adopted");
		assertThat(this.knowledgeBases.causeNames()).containsEntry(key, "Echo from the voice port");
	}

}

package io.rootcase.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.cases.Cases;
import io.rootcase.customers.IdentityKind;
import io.rootcase.diagnosis.DiagnosisFixtures;
import io.rootcase.diagnosis.KnowledgeBases;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactReceipt;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager decides on a group of unexplained cases from its page: makes it a problem
 * holding its cases, a contact reason its cases take, or dismisses it. In a real headless
 * Chromium.
 */
@RootcaseIntegrationTest
class EmergingBrowserTests extends BrowserTest {

	@Autowired
	ContactIntake intake;

	@Autowired
	Cases cases;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	KnowledgeBases knowledgeBases;

	final List<String> members = new ArrayList<>();

	UUID group;

	/**
	 * Stored as the clustering stores a group it proposes: which cases group is the
	 * clustering's own business, tested apart.
	 */
	@BeforeEach
	void aProposedGroupOfThreeUnexplainedCases() {
		this.group = UUID.randomUUID();
		this.jdbc.sql("""
				insert into emerging_clusters (id, found_at, state, size, last_week, week_before, terms)
				values (?, ?, 'PROPOSED', 3, 3, 0, 'echo line')""")
			.params(this.group, java.sql.Timestamp.from(this.clock.instant()))
			.update();
		for (int i = 0; i < 3; i++) {
			String text = "An echo on my phone line since the router update (" + i + ")";
			ContactReceipt receipt = this.intake.receive(new IncomingContact(Channel.PHONE, Direction.INBOUND,
					this.clock.instant().minus(Duration.ofDays(i + 1)), text,
					Map.of(IdentityKind.EMAIL, "echo-" + UUID.randomUUID() + "@example.com"), null, null, null, null));
			this.members.add(receipt.caseReference());
			this.jdbc
				.sql("insert into emerging_cluster_cases (cluster_id, case_id, representative, message) "
						+ "values (?, ?, ?, ?)")
				.params(this.group, receipt.caseId(), i + 1, text)
				.update();
		}
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

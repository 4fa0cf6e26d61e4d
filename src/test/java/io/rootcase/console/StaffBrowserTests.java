package io.rootcase.console;

import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestFixtures;
import io.rootcase.staff.Role;
import io.rootcase.staff.Staff;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin adds an agent, gives them another role, deactivates them when they leave and
 * brings them back; an agent changes their own password and signs in with it. In a real
 * headless Chromium.
 */
@RootcaseIntegrationTest
class StaffBrowserTests extends BrowserTest {

	@Autowired
	Staff staff;

	private static WebElement row(String username) {
		return browser.findElement(By.id("agent-" + username));
	}

	/**
	 * Submits and waits for the answer's page, so the wait after it reads the new one.
	 */
	private static void submit(WebElement button) {
		WebElement page = browser.findElement(By.tagName("html"));
		button.click();
		Chromium.waiting(browser).until(ExpectedConditions.stalenessOf(page));
	}

	private static void saw(String message) {
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-message"), message));
	}

	@Test
	void anAdminAddsAnAgentChangesTheirRoleAndDeactivatesThemWhenTheyLeave() {
		String username = "newbie-" + UUID.randomUUID().toString().substring(0, 6);
		Chromium.openAs(browser, this.port, "/cases", "root");
		browser.findElement(By.id("nav-staff")).click();
		Chromium.waiting(browser).until(ExpectedConditions.titleContains("People and teams"));

		browser.findElement(By.id("new-username")).sendKeys(username);
		browser.findElement(By.id("new-display-name")).sendKeys("Nina Newbie");
		browser.findElement(By.id("new-password")).sendKeys("a first password");
		new Select(browser.findElement(By.id("new-team"))).selectByValue("finance");
		submit(browser.findElement(By.id("add-agent")));
		saw("Agent " + username + " added.");
		assertThat(row(username).findElement(By.className("status")).getText()).isEqualTo("active");

		new Select(row(username).findElement(By.name("role"))).selectByValue("MANAGER");
		submit(row(username).findElement(By.className("change-agent")));
		saw(username + " changed.");
		assertThat(this.staff.agent(username).orElseThrow().role()).isEqualTo(Role.MANAGER);
		assertThat(this.staff.agent(username).orElseThrow().team()).isEqualTo("finance");

		submit(row(username).findElement(By.className("deactivate")));
		saw(username + " is deactivated and signed out everywhere.");
		assertThat(row(username).findElement(By.className("status")).getText()).isEqualTo("deactivated");
		submit(row(username).findElement(By.className("reactivate")));
		saw(username + " can sign in again.");
		assertThat(row(username).findElement(By.className("status")).getText()).isEqualTo("active");

		submit(row("root").findElement(By.className("deactivate")));
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-error"),
					"you cannot deactivate yourself"));
	}

	@Test
	void anAgentChangesTheirOwnPasswordAndSignsInWithIt() {
		String username = "pw-" + UUID.randomUUID().toString().substring(0, 6);
		this.staff.addAgent(username, "Pat Password", TestFixtures.PASSWORD, Role.AGENT, "support");
		Chromium.openAs(browser, this.port, "/cases", username);
		browser.findElement(By.id("nav-account")).click();
		Chromium.waiting(browser).until(ExpectedConditions.titleContains("Your account"));

		browser.findElement(By.id("current-password")).sendKeys(TestFixtures.PASSWORD);
		browser.findElement(By.id("new-password")).sendKeys("my own new password");
		browser.findElement(By.id("repeated-password")).sendKeys("my own new passwort");
		browser.findElement(By.id("change-password")).click();
		// The answer is a new page: on a busy machine it is not there the moment the
		// click
		// returns.
		assertThat(Chromium.waiting(browser)
			.until(ExpectedConditions.presenceOfElementLocated(By.id("account-error")))
			.getText()).contains("differ");

		browser.findElement(By.id("current-password")).sendKeys(TestFixtures.PASSWORD);
		browser.findElement(By.id("new-password")).sendKeys("my own new password");
		browser.findElement(By.id("repeated-password")).sendKeys("my own new password");
		browser.findElement(By.id("change-password")).click();
		Chromium.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("password-changed")));

		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("my own new password");
		browser.findElement(By.id("sign-in")).click();
		Chromium.waiting(browser).until(d -> !d.getCurrentUrl().contains("/login"));
		assertThat(browser.findElement(By.id("nav-account")).getText()).isEqualTo(username);
	}

}

package io.rootcase.console;

import java.time.LocalDate;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * What a manager does on a problem's page in the browser tests: describe the root cause,
 * write the analysis and an action item, move the problem on to a deployed fix.
 */
final class ProblemPage {

	private ProblemPage() {
	}

	static void describeRootCause(WebDriver browser, String rootCause, String workaround) {
		browser.findElement(By.id("root-cause-text")).sendKeys(rootCause);
		browser.findElement(By.id("workaround")).sendKeys(workaround);
		browser.findElement(By.id("save-problem")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem-message"), "saved"));
	}

	static void analyseAndPlan(WebDriver browser, LocalDate today) {
		browser.findElement(By.id("rca-whys"))
			.sendKeys("Upgrades were charged twice\nProration read the old plan's price\nThe price table changed");
		browser.findElement(By.id("rca-factors")).sendKeys("process: price changes are not announced to billing");
		browser.findElement(By.id("save-analysis")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem-message"), "Analysis saved"));
		browser.findElement(By.id("action-title")).sendKeys("Announce price changes to billing");
		browser.findElement(By.id("action-owner")).sendKeys("dana");
		setDate(browser, "action-due", today.plusDays(10));
		browser.findElement(By.id("add-action-item")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-items"), "Announce price"));
	}

	static void moveToFixDeployed(WebDriver browser) {
		for (String status : new String[] { "investigating", "root cause known", "fix in progress", "fix deployed" }) {
			new Select(browser.findElement(By.id("next-status"))).selectByVisibleText(status);
			browser.findElement(By.id("move-status")).click();
			Chromium.waiting(browser)
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem-status"), status));
		}
	}

	static void setDate(WebDriver browser, String id, LocalDate date) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
				browser.findElement(By.id(id)), date.toString());
	}

}

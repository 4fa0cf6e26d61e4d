package io.rootcase.console;

import java.time.Duration;

import io.rootcase.FlakyWork;
import io.rootcase.RootcaseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An admin finds failed background work on the System page and runs it again once its
 * cause is fixed. In a real headless Chromium.
 */
@RootcaseIntegrationTest
class SystemBrowserTests extends BrowserTest {

	@Autowired
	FlakyWork flaky;

	@Test
	void anAdminSeesFailedBackgroundWorkAndRunsItAgain() {
		String key = this.flaky.request(1);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.flaky.attempts(key) == 1 && failed(key));

		Chromium.openAs(browser, this.port, "/cases", "root");
		browser.findElement(By.id("nav-system")).click();
		Chromium.waiting(browser).until(ExpectedConditions.titleContains("System"));
		assertThat(browser.findElement(By.id("failed-work")).getText()).contains("FlakyWork.Requested")
			.contains("FlakyWork.on");
		assertThat(browser.findElement(By.id("reason-model")).getText()).isNotBlank();

		browser.findElement(By.id("retry-failed")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("system-message"), "sent to run again"));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.flaky.done(key));
		assertThat(failed(key)).isFalse();
	}

	private boolean failed(String key) {
		return this.flaky.publicationStatus(key).filter("FAILED"::equals).isPresent();
	}

}

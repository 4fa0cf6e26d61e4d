package io.rootcase.console;

import java.time.Duration;
import java.util.UUID;

import io.rootcase.FlakyWork;
import io.rootcase.RootcaseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

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

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminSeesFailedBackgroundWorkAndRunsItAgain() {
		String key = "system-" + UUID.randomUUID();
		this.transactions.executeWithoutResult(s -> this.events.publishEvent(new FlakyWork.Requested(key, 1)));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.flaky.attempts(key) == 1 && failed(key) == 1);

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
		assertThat(failed(key)).isZero();
	}

	private long failed(String key) {
		return this.jdbc
			.sql("select count(*) from event_publication where status = 'FAILED' and serialized_event like ?")
			.param("%" + key + "%")
			.query(Long.class)
			.single();
	}

}

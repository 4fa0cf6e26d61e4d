package io.rootcase.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.webhooks.Webhooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin subscribes a receiver to surges, pings it, sees the ping delivered, and
 * removes the subscription. In a real headless Chromium, against a real HTTP receiver.
 */
@RootcaseIntegrationTest
class WebhookBrowserTests extends BrowserTest {

	@Autowired
	Webhooks webhooks;

	HttpServer receiver;

	final AtomicInteger pings = new AtomicInteger();

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/console-hook", exchange -> {
			if ("ping".equals(exchange.getRequestHeaders().getFirst("X-Rootcase-Event"))) {
				this.pings.incrementAndGet();
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	@Test
	void anAdminSubscribesAReceiverPingsItAndRemovesIt() {
		String url = "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/console-hook";
		Chromium.openAs(browser, this.port, "/cases", "root");
		browser.findElement(By.id("nav-webhooks")).click();
		Chromium.waiting(browser).until(ExpectedConditions.titleContains("Webhooks"));

		browser.findElement(By.id("webhook-url")).sendKeys("ftp://files.example.com/drop");
		browser.findElement(By.id("event-surge_detected")).click();
		browser.findElement(By.id("subscribe-webhook")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("webhook-error"), "http or https"));

		browser.findElement(By.id("webhook-url")).sendKeys(url);
		browser.findElement(By.id("event-surge_detected")).click();
		browser.findElement(By.id("subscribe-webhook")).click();
		Chromium.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("webhook-secret")));
		assertThat(browser.findElement(By.id("webhook-secret")).getText()).contains(url, "shown this once");

		WebElement row = rowOf(url);
		assertThat(row.getText()).contains("surge_detected", "None yet.");
		row.findElement(By.cssSelector("button.ping")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("webhook-message"), "Ping queued"));
		assertThat(rowOf(url).getText()).contains("ping", "pending");
		this.webhooks.deliverDue();
		assertThat(this.pings).hasValue(1);
		browser.navigate().refresh();
		assertThat(rowOf(url).findElement(By.cssSelector(".delivery-delivered")).getText()).contains("ping",
				"1 attempt(s)", "HTTP 204");

		rowOf(url).findElement(By.cssSelector("button.remove")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("webhook-message"), "removed"));
		assertThat(rowOf(url).getText()).contains("removed");
		assertThat(rowOf(url).findElements(By.cssSelector("button.ping"))).isEmpty();
	}

	private static WebElement rowOf(String url) {
		return browser.findElements(By.cssSelector("#webhooks tbody tr"))
			.stream()
			.filter(r -> r.getText().contains(url))
			.findFirst()
			.orElseThrow();
	}

}

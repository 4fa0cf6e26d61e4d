package io.rootcase.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One headless Chromium per test class, on the application's real port.
 */
abstract class BrowserTest {

	static WebDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startChromium() throws Exception {
		browser = Chromium.start();
	}

	@AfterAll
	static void stopChromium() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

}

package io.rootcase.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.rootcase.TestFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the console tests (.ci/run installs chromium and
 * chromium-driver; nothing is downloaded).
 */
final class Chromium {

	private Chromium() {
	}

	static WebDriver start() throws IOException {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1400,1000",
				"--user-data-dir=" + Files.createTempDirectory("rootcase-chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(
					Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
			.build();
		return new ChromeDriver(service, options);
	}

	static WebDriverWait waiting(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(15));
	}

	/** Opens a page, signing in as the agent alice first if the console asks. */
	static void open(WebDriver browser, int port, String path) {
		signInIfAsked(browser, port, path, "alice");
	}

	/** Opens a page as someone, whoever was signed in before. */
	static void openAs(WebDriver browser, int port, String path, String username) {
		browser.get("http://localhost:" + port + "/login");
		browser.manage().deleteAllCookies();
		signInIfAsked(browser, port, path, username);
	}

	private static void signInIfAsked(WebDriver browser, int port, String path, String username) {
		browser.get("http://localhost:" + port + path);
		if (browser.getCurrentUrl().contains("/login")) {
			waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
			browser.findElement(By.id("username")).sendKeys(username);
			browser.findElement(By.id("password")).sendKeys(TestFixtures.PASSWORD);
			browser.findElement(By.id("sign-in")).click();
			waiting(browser).until(d -> !d.getCurrentUrl().contains("/login"));
			browser.get("http://localhost:" + port + path);
		}
	}

}

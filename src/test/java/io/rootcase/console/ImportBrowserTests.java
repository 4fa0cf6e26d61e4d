package io.rootcase.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.customers.CustomerDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager brings an organisation's past contacts from a CSV file on the import page: a
 * file with broken rows imports nothing and lists every one by line, the mended file
 * imports, and importing it again adds nothing. In a real headless Chromium.
 */
@RootcaseIntegrationTest
class ImportBrowserTests extends BrowserTest {

	@Autowired
	CustomerDirectory customers;

	@TempDir
	Path files;

	Path file(String name, String... lines) throws IOException {
		return Files.write(this.files.resolve(name), String.join("\n", lines).getBytes());
	}

	/**
	 * Uploads the file and waits for the answer's page: a wait on the page before it
	 * could read its report while it goes away.
	 */
	void upload(Path file) {
		WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
		browser.findElement(By.id("import")).click();
		Chromium.waiting(browser).until(ExpectedConditions.stalenessOf(page));
	}

	@Test
	void aFileWithBrokenRowsImportsNothingAndTheMendedOneImportsOnce() throws IOException {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String header = "channel,direction,occurred_at,customer_email,text,external_id";
		String first = "email,inbound,2026-09-01T09:00:00Z,old-" + tag + "@example.com,My bill is wrong,old-1-" + tag;
		String second = "phone,inbound,2026-09-02T10:00:00Z,old-" + tag + "@example.com,\"Called, still wrong\",old-2-"
				+ tag;
		Path broken = file("broken.csv", header, first,
				"fax,inbound,2026-09-02T10:00:00Z,old-" + tag + "@example.com,Sent a fax,old-2-" + tag,
				"email,inbound,yesterday,,No date and no customer,old-3-" + tag);

		Chromium.openAs(browser, this.port, "/import", "maria");
		upload(broken);
		Chromium.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("import-problems")));
		String problems = browser.findElement(By.id("import-problems")).getText();
		assertThat(problems).contains("Nothing was imported").contains("3 channel").contains("4 occurred_at");
		assertThat(this.customers.search("old-" + tag, 5)).as("nothing imported").isEmpty();

		Path mended = file("mended.csv", header, first, second);
		upload(mended);
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-report"), "Imported 2 of 2 rows"));
		assertThat(this.customers.search("old-" + tag, 5)).hasSize(1);

		upload(mended);
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-report"), "2 already imported"));
		assertThat(browser.findElement(By.id("import-report")).getText()).startsWith("Imported 0 of 2 rows");
	}

	@Test
	void aHistoryOfSomeMegabytesIsReadWholeAndItsBrokenLastRowFound() throws IOException {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		List<String> lines = new ArrayList<>(List.of("channel,direction,occurred_at,customer_email,text,external_id"));
		String words = "The router drops the line every evening and the lights go orange ".repeat(3);
		for (int i = 0; i < 8_000; i++) {
			lines.add("email,inbound,2026-09-01T09:00:00Z,many-%d-%s@example.com,%s,many-%d-%s".formatted(i % 400, tag,
					words, i, tag));
		}
		lines.add("pigeon,inbound,2026-09-01T09:00:00Z,many-" + tag + "@example.com,By bird,last-" + tag);
		Path history = file("history.csv", lines.toArray(String[]::new));
		assertThat(Files.size(history)).as("past the 1 MB a servlet takes by default").isGreaterThan(2_000_000);

		Chromium.openAs(browser, this.port, "/import", "maria");
		upload(history);
		Chromium.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("import-problems")));
		assertThat(browser.findElement(By.id("import-problems")).getText()).contains("8002 channel");
		assertThat(this.customers.search("many-0-" + tag, 5)).as("nothing imported").isEmpty();
	}

}

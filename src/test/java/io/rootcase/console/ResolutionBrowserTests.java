package io.rootcase.console;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the customer says it is solved, in a real headless Chromium: an agent proposes a
 * resolution, the customer rejects it on their status link (no login) and the case
 * reopens with their reason; a second palliative is proposed and the customer confirms;
 * when the customer writes again about the same problem, the agent sees it is back.
 */
@RootcaseIntegrationTest
class ResolutionBrowserTests extends BrowserTest {

	private static final Pattern LINK = Pattern.compile("/status/RC-\\d+/[A-Za-z0-9_-]+");

	@Autowired
	ContactIntake intake;

	final String email = "browser-res-" + UUID.randomUUID() + "@example.com";

	String newCase() {
		return contact("My internet drops every evening around 9pm");
	}

	String contact(String text) {
		return this.intake
			.receive(new IncomingContact(Channel.CHAT, Direction.INBOUND, Instant.now(), text,
					Map.of(IdentityKind.EMAIL, this.email), "Noor", null, null, null))
			.caseReference();
	}

	void recordPalliative(String what) {
		browser.findElement(By.id("kind-palliative")).click();
		browser.findElement(By.id("action-description")).sendKeys(what);
		browser.findElement(By.id("record-action")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-actions"), what));
	}

	String propose(String note) {
		browser.findElement(By.id("proposal-note")).sendKeys(note);
		browser.findElement(By.id("propose-resolution")).click();
		Chromium.waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("awaiting-confirmation")));
		Matcher link = LINK.matcher(browser.findElement(By.id("case-contacts")).getText());
		String last = null;
		while (link.find()) {
			last = link.group();
		}
		assertThat(last).as("the customer was sent their status link").isNotNull();
		return last;
	}

	void openAsCustomer(String link) {
		browser.manage().deleteAllCookies();
		browser.get("http://localhost:" + this.port + link);
		Chromium.waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("status-now")));
	}

	@Test
	void theCustomerRejectsAProposedResolutionOnTheirLinkAndConfirmsTheSecond() {
		String reference = newCase();
		Chromium.openAs(browser, this.port, "/cases/" + reference, "alice");
		recordPalliative("Remote router reset");
		String first = propose("We reset your router remotely; the drops should stop.");
		assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("awaiting confirmation");
		assertThat(browser.findElement(By.id("case-resolution")).getText()).contains("relieved");

		openAsCustomer(first);
		assertThat(browser.findElement(By.id("status-proposal")).getText())
			.isEqualTo("We reset your router remotely; the drops should stop.");
		browser.findElement(By.id("reject-reason")).sendKeys("It dropped twice again last night");
		browser.findElement(By.id("reject")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-message"), "reopened"));
		assertThat(browser.findElements(By.id("status-answer"))).as("nothing left to answer").isEmpty();

		Chromium.openAs(browser, this.port, "/cases/" + reference, "alice");
		assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("open");
		assertThat(browser.findElement(By.id("case-reopens")).getText()).isEqualTo("1 time(s)");
		assertThat(browser.findElement(By.id("timeline")).getText())
			.contains("customer rejected the resolution: It dropped twice again last night");

		recordPalliative("Moved the router to channel 11");
		String second = propose("We moved your Wi-Fi to a quieter channel.");
		openAsCustomer(second);
		browser.findElement(By.id("confirm")).click();
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-message"),
					"Thank you for confirming"));
		assertThat(browser.findElement(By.id("status-now")).getText()).isEqualTo("Solved, as you confirmed");

		Chromium.openAs(browser, this.port, "/cases/" + reference, "alice");
		assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("resolved");
		assertThat(browser.findElement(By.id("case-resolution")).getText()).contains("relieved")
			.contains("confirmed by customer");

		// Palliatives relieve; the problem comes back and the agent sees its history.
		String again = contact("The internet drops again every evening, I already reset the router twice");
		Chromium.openAs(browser, this.port, "/cases/" + again, "alice");
		assertThat(browser.findElement(By.id("recurrence-banner")).getText())
			.contains("This problem is back: 2 cases in 0 days")
			.contains("remote router reset ×1")
			.contains("moved the router to channel 11 ×1")
			.contains("The customer says it is happening again")
			.contains(reference);
	}

	@Test
	void aForgedStatusLinkShowsAClearPage() {
		browser.manage().deleteAllCookies();
		browser.get("http://localhost:" + this.port + "/status/" + newCase() + "/not-a-real-token");
		assertThat(browser.findElement(By.id("link-problem")).getText()).contains("This link is not valid");
	}

}

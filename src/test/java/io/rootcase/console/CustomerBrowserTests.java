package io.rootcase.console;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactReceipt;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent finds that one person has two customer records (an e-mail and a phone call
 * under the same name) and merges them from the customer's page, without knowing any
 * record's id. In a real headless Chromium.
 */
@RootcaseIntegrationTest
class CustomerBrowserTests extends BrowserTest {

	@Autowired
	ContactIntake intake;

	@Autowired
	TestClock clock;

	ContactReceipt contact(Map<IdentityKind, String> identity, String name, String text) {
		return this.intake.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND,
				this.clock.instant().minus(Duration.ofMinutes(30)), text, identity, name, null, null, null));
	}

	@Test
	void anAgentFindsTheOtherRecordOfTheSamePersonAndMergesIt() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String name = "Ana Duplicate " + tag;
		ContactReceipt byEmail = contact(Map.of(IdentityKind.EMAIL, "ana-" + tag + "@example.com"), name,
				"My TV box keeps rebooting");
		String phone = "+4915" + (10_000_000 + Math.abs(tag.hashCode() % 89_999_999));
		ContactReceipt byPhone = contact(Map.of(IdentityKind.PHONE, phone), name, "Calling about the TV box again");
		ContactReceipt stranger = contact(Map.of(IdentityKind.EMAIL, "bo-" + tag + "@example.com"), "Bo " + tag,
				"Where is my parcel");

		Chromium.openAs(browser, this.port, "/customers/" + byEmail.customerId(), "alice");
		assertThat(browser.findElement(By.id("candidates-said")).getText())
			.isEqualTo("Other records under the same name:");
		assertThat(browser.findElement(By.id("merge-candidates")).getText()).contains(phone)
			.doesNotContain("bo-" + tag);

		browser.findElement(By.id("find-duplicate")).sendKeys("bo-" + tag);
		Chromium.waiting(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("merge-candidates"), "bo-" + tag));
		assertThat(browser.findElement(By.id("candidates-said")).getText()).startsWith("Records matching");
		assertThat(browser.findElements(By.id("merge-" + stranger.customerId()))).hasSize(1);

		browser.get("http://localhost:" + this.port + "/customers/" + byEmail.customerId());
		browser.findElement(By.id("merge-" + byPhone.customerId())).click();
		Chromium.waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Merged"));
		Chromium.waiting(browser).until(page -> {
			page.navigate().refresh();
			return page.findElement(By.cssSelector(".identities")).getText().contains(phone)
					&& page.getPageSource().contains(byPhone.caseReference());
		});
		assertThat(browser.findElements(By.id("merge-" + byPhone.customerId()))).as("merged away").isEmpty();
	}

}

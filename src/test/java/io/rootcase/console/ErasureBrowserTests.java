package io.rootcase.console;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
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
 * An admin erases a customer's personal data on their request, in a real headless
 * Chromium; agents and managers are not offered it.
 */
@RootcaseIntegrationTest
class ErasureBrowserTests extends BrowserTest {

	@Autowired
	ContactIntake intake;

	@Test
	void anAdminErasesACustomersPersonalDataAfterConfirmingAndTheTimelineKeepsOnlyWhatHappened() {
		String email = "erase-browser-" + UUID.randomUUID() + "@example.com";
		ContactReceipt contact = this.intake.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND,
				Instant.now().minusSeconds(60), "Dora Quill here, my router at 3 Oak Lane keeps rebooting",
				Map.of(IdentityKind.EMAIL, email), "Dora Quill", null, null, null));
		String page = "/customers/" + contact.customerId();

		Chromium.openAs(browser, this.port, page, "maria");
		assertThat(browser.findElements(By.id("erase-form"))).as("managers are not offered it").isEmpty();

		Chromium.openAs(browser, this.port, page, "root");
		browser.findElement(By.id("erase-reason")).sendKeys("GDPR request 2026-119");
		browser.findElement(By.id("erase-understood")).click();
		browser.findElement(By.id("erase")).click();
		Chromium.waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("erased")));

		assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Personal data erased.");
		assertThat(browser.findElement(By.id("customer-name")).getText()).isEqualTo("Erased customer");
		String timeline = browser.findElement(By.id("timeline")).getText();
		assertThat(timeline).contains("[erased]").doesNotContain("Oak Lane").doesNotContain(email);
		assertThat(browser.findElements(By.id("erase-form"))).as("nothing left to erase").isEmpty();
	}

}

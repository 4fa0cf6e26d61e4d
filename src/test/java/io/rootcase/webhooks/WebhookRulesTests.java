package io.rootcase.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.rootcase.shared.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookRulesTests {

	static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

	static WebhookDelivery pending() {
		return WebhookDelivery.due(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), WebhookEvent.PING, "{}",
				NOW);
	}

	@Test
	void aFailedDeliveryWaitsTwiceAsLongEachTimeUpToAnHourAndIsGivenUpAfterTwelveTries() {
		WebhookDelivery d = pending();
		assertThat(d.nextAttemptAt()).isEqualTo(NOW);
		long[] waits = new long[WebhookDelivery.MAX_ATTEMPTS - 1];
		Instant at = NOW;
		for (int i = 0; i < waits.length; i++) {
			d = d.attemptFailed(503, "the receiver answered 503", at);
			assertThat(d.state()).isEqualTo(WebhookDelivery.State.PENDING);
			waits[i] = Duration.between(at, d.nextAttemptAt()).toMinutes();
			at = d.nextAttemptAt();
		}
		assertThat(waits).containsExactly(1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60);
		d = d.attemptFailed(null, "ConnectException: refused", at);
		assertThat(d.state()).isEqualTo(WebhookDelivery.State.FAILED);
		assertThat(d.attempts()).isEqualTo(12);
		assertThat(d.nextAttemptAt()).isNull();
		assertThat(d.lastStatus()).isNull();
		assertThat(d.lastError()).isEqualTo("ConnectException: refused");
	}

	@Test
	void aDeliveryTakenOrGivenUpIsNotTriedAgain() {
		WebhookDelivery delivered = pending().attemptFailed(500, "x".repeat(3000), NOW).delivered(204, NOW);
		assertThat(delivered.state()).isEqualTo(WebhookDelivery.State.DELIVERED);
		assertThat(delivered.attempts()).isEqualTo(2);
		assertThat(delivered.lastStatus()).isEqualTo(204);
		assertThat(delivered.lastError()).isNull();
		assertThatThrownBy(() -> delivered.attemptFailed(500, "late", NOW)).isInstanceOf(IllegalStateException.class);
		WebhookDelivery abandoned = pending().abandoned(NOW);
		assertThat(abandoned.state()).isEqualTo(WebhookDelivery.State.FAILED);
		assertThat(abandoned.lastError()).contains("removed");
		assertThatThrownBy(() -> abandoned.delivered(200, NOW)).isInstanceOf(IllegalStateException.class);
		assertThat(pending().attemptFailed(500, "x".repeat(3000), NOW).lastError()).hasSize(1000);
	}

	@Test
	void aSubscriptionNeedsAnAbsoluteHttpAddressWithoutCredentialsAndSomeEvents() {
		Set<WebhookEvent> surges = Set.of(WebhookEvent.SURGE_DETECTED);
		for (String bad : new String[] { null, " ", "ftp://example.com/x", "/hooks/rootcase", "https://",
				"https://user:pw@example.com/hook", "https://exa mple.com",
				"https://example.com/" + "x".repeat(2000) }) {
			assertThatThrownBy(() -> subscribe(bad, surges)).as(bad)
				.isInstanceOf(InvalidRequestException.class)
				.hasMessageContaining("URL");
		}
		assertThatThrownBy(() -> subscribe("https://example.com/hook", Set.of()))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("events");
		assertThat(subscribe(" HTTPS://chat.example.com/hooks/rootcase?x=1 ", surges).url())
			.hasToString("HTTPS://chat.example.com/hooks/rootcase?x=1");
	}

	@Test
	void aSubscriptionGetsItsEventsAndPingsUntilItIsRemoved() {
		WebhookSubscription s = subscribe("https://example.com/hook", Set.of(WebhookEvent.SURGE_DETECTED));
		assertThat(s.wants(WebhookEvent.SURGE_DETECTED)).isTrue();
		assertThat(s.wants(WebhookEvent.PING)).isTrue();
		assertThat(s.wants(WebhookEvent.NOTICE_PUBLISHED)).isFalse();
		WebhookSubscription removed = s.removed(NOW);
		assertThat(removed.wants(WebhookEvent.SURGE_DETECTED)).isFalse();
		assertThat(removed.wants(WebhookEvent.PING)).isFalse();
		assertThat(removed.removed(NOW.plusSeconds(60)).removedAt()).isEqualTo(NOW);
	}

	@Test
	void theSignatureIsHmacSha256OfTheTimestampADotAndTheBody() {
		// Expected value computed outside Java: Python's hmac module.
		assertThat(WebhookSignature.sign("whsec-test", 1_765_100_000L, "{\"event\":\"ping\"}"))
			.isEqualTo("v1=a032f790b0f47457a5c330f9988c1239f7b602717aae324f1bfd01b9805b605c");
	}

	static WebhookSubscription subscribe(String url, Set<WebhookEvent> events) {
		return WebhookSubscription.subscribe(UUID.randomUUID(), url, events, "secret", "root", NOW);
	}

}

package io.rootcase.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.rootcase.customers.IdentityKind;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactPolicyTests {

	private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	private final ContactPolicy policy = new ContactPolicy(100, Duration.ofMinutes(5));

	private static IncomingContact contact(Instant at, String text) {
		return new IncomingContact(Channel.EMAIL, Direction.INBOUND, at, text,
				Map.of(IdentityKind.EMAIL, "ana@example.com"), "Ana", "m-1", null, null);
	}

	@Test
	void aCompleteContactPasses() {
		assertThat(this.policy.check(contact(NOW, "My internet drops"), NOW)).isEmpty();
	}

	@Test
	void everyMissingFieldIsReportedAtOnce() {
		IncomingContact empty = new IncomingContact(null, null, null, " ", Map.of(), null, null, null, null);
		assertThat(this.policy.check(empty, NOW)).extracting(Violation::field)
			.containsExactly("channel", "direction", "occurredAt", "text", "customer");
	}

	@Test
	void aContactFromTheFutureBeyondTheToleranceIsRefused() {
		assertThat(this.policy.check(contact(NOW.plus(Duration.ofMinutes(5)), "ok"), NOW)).isEmpty();
		assertThat(this.policy.check(contact(NOW.plus(Duration.ofMinutes(6)), "ok"), NOW)).extracting(Violation::field)
			.containsExactly("occurredAt");
	}

	@Test
	void textOverTheLimitIsRefusedWithItsLength() {
		assertThat(this.policy.check(contact(NOW, "x".repeat(101)), NOW)).singleElement()
			.satisfies(v -> assertThat(v.message()).contains("101 characters").contains("100"));
	}

	@Test
	void anInboundContactCannotHaveAnAgentAsAuthor() {
		IncomingContact spoofed = new IncomingContact(Channel.EMAIL, Direction.INBOUND, NOW, "hi",
				Map.of(IdentityKind.EMAIL, "ana@example.com"), null, null, null, "alice");
		assertThat(this.policy.check(spoofed, NOW)).extracting(Violation::field).containsExactly("author");
	}

}

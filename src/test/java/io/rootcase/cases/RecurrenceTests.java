package io.rootcase.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.rootcase.cases.Recurrence.Earlier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecurrenceTests {

	private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	private final Recurrence recurrence = new Recurrence(Duration.ofDays(30));

	private static Earlier earlier(Duration ago, ResolutionKind kind, String subject) {
		return new Earlier(UUID.randomUUID(), NOW.minus(ago), kind, null, null, subject);
	}

	@Test
	void theSameProblemInOtherWordsWithinTheWindowIsARecurrence() {
		Earlier relieved = earlier(Duration.ofDays(10), ResolutionKind.RELIEVED,
				"My internet keeps dropping every evening around 9pm");
		assertThat(this.recurrence.match(List.of(relieved), null, null, null,
				"Internet dropped again this evening, same as before", NOW))
			.hasValueSatisfying(link -> {
				assertThat(link.earlier()).isEqualTo(relieved.id());
				assertThat(link.signal()).isEqualTo(RecurrenceSignal.SIMILAR_TEXT);
			});
		assertThat(this.recurrence.match(List.of(relieved), null, null, null, "I want to add the TV package", NOW))
			.isEmpty();
	}

	@Test
	void theWindowEndsExactlyThirtyDaysAfterTheEarlierCase() {
		String text = "My internet keeps dropping every evening";
		Earlier atTheEdge = earlier(Duration.ofDays(30), ResolutionKind.RELIEVED, text);
		Earlier justBeyond = earlier(Duration.ofDays(30).plusSeconds(1), ResolutionKind.UNEXPLAINED, text);
		assertThat(this.recurrence.match(List.of(atTheEdge), null, null, null, text, NOW)).isPresent();
		assertThat(this.recurrence.match(List.of(justBeyond), null, null, null, text, NOW)).isEmpty();
	}

	@Test
	void aCuredCaseIsNotWhatComesBack() {
		Earlier cured = earlier(Duration.ofDays(3), ResolutionKind.CURED, "Internet drops every evening");
		assertThat(this.recurrence.match(List.of(cured), cured.id(), null, null, "Internet drops every evening", NOW))
			.isEmpty();
	}

	@Test
	void aCuredCaseOfTheSameMatterIsACureThatDidNotHold() {
		Earlier cured = earlier(Duration.ofDays(3), ResolutionKind.CURED, "Internet drops every evening");
		Earlier relieved = earlier(Duration.ofDays(1), ResolutionKind.RELIEVED, "Internet drops every evening");
		assertThat(this.recurrence.cureThatDidNotHold(List.of(cured, relieved), null, null, null,
				"My internet drops every evening again", NOW))
			.hasValueSatisfying(link -> {
				assertThat(link.earlier()).isEqualTo(cured.id());
				assertThat(link.signal()).isEqualTo(RecurrenceSignal.SIMILAR_TEXT);
			});
		assertThat(this.recurrence.cureThatDidNotHold(List.of(cured), null, null, null, "I want to add the TV package",
				NOW))
			.isEmpty();
		assertThat(this.recurrence.cureThatDidNotHold(
				List.of(earlier(Duration.ofDays(31), ResolutionKind.CURED, "Internet drops every evening")), null, null,
				null, "Internet drops every evening", NOW))
			.as("beyond the window")
			.isEmpty();
	}

	@Test
	void aReferenceOrTheSameRootCauseOutranksSimilarWords() {
		Earlier similar = earlier(Duration.ofDays(1), ResolutionKind.RELIEVED, "Internet drops every evening");
		Earlier referenced = earlier(Duration.ofDays(20), ResolutionKind.UNEXPLAINED, "Billing question");
		Earlier sameCause = new Earlier(UUID.randomUUID(), NOW.minus(Duration.ofDays(5)), ResolutionKind.RELIEVED, null,
				"router_firmware_watchdog", "Wifi is flaky");
		assertThat(this.recurrence.match(List.of(similar, referenced, sameCause), referenced.id(), null,
				"router_firmware_watchdog", "Internet drops every evening", NOW))
			.hasValueSatisfying(link -> assertThat(link.signal()).isEqualTo(RecurrenceSignal.REFERENCE));
		assertThat(this.recurrence.match(List.of(similar, sameCause), null, null, "router_firmware_watchdog",
				"Internet drops every evening", NOW))
			.hasValueSatisfying(link -> assertThat(link.earlier()).isEqualTo(sameCause.id()));
	}

	@Test
	void customersSayingItIsBackAreNoticedInTheDemosLanguages() {
		assertThat(Recurrence.customerSaysItRecurs("It happened again last night")).isTrue();
		assertThat(Recurrence.customerSaysItRecurs("I already restarted the router like you said")).isTrue();
		assertThat(Recurrence.customerSaysItRecurs("Still not fixed after two weeks")).isTrue();
		assertThat(Recurrence.customerSaysItRecurs("You are the fourth person I explain this to")).isTrue();
		assertThat(Recurrence.customerSaysItRecurs("Otra vez sin internet")).isTrue();
		assertThat(Recurrence.customerSaysItRecurs("Toujours pas de connexion")).isTrue();
		assertThat(Recurrence.customerSaysItRecurs("My internet is slow")).isFalse();
	}

	@Test
	void palliativesAreComparedByTheirWordsNotTheirSpelling() {
		assertThat(Recurrence.sameAction("Remote router reset."))
			.isEqualTo(Recurrence.sameAction("remote  ROUTER reset"));
		assertThat(Recurrence.similarity("drops dropping dropped", "drop")).isEqualTo(1.0);
		assertThat(Recurrence.similarity("", "anything")).isZero();
	}

}

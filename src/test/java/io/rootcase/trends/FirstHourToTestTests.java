package io.rootcase.trends;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FirstHourToTestTests {

	static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

	static final Instant WEEK_AGO = NOW.minus(Duration.ofDays(7));

	static Supplier<Optional<Instant>> counted(Instant first) {
		return () -> Optional.ofNullable(first);
	}

	static Supplier<Optional<Instant>> neverAsked() {
		return () -> {
			throw new AssertionError("reads every hourly count: only the first run may ask");
		};
	}

	@Test
	void theWatchGoesOnAfterTheLastHourItTested() {
		assertThat(SurgeWatch.firstHourToTest(Optional.of(NOW.minus(Duration.ofHours(3))), neverAsked(), WEEK_AGO, NOW))
			.isEqualTo(NOW.minus(Duration.ofHours(2)));
	}

	@Test
	void theWatchCatchesUpAtMostAWeek() {
		assertThat(SurgeWatch.firstHourToTest(Optional.of(NOW.minus(Duration.ofDays(30))), neverAsked(), WEEK_AGO, NOW))
			.isEqualTo(WEEK_AGO);
		assertThat(SurgeWatch.firstHourToTest(Optional.empty(), counted(NOW.minus(Duration.ofDays(90))), WEEK_AGO, NOW))
			.isEqualTo(WEEK_AGO);
	}

	@Test
	void aFirstRunStartsAtTheFirstCountedHourAndWithNothingCountedTestsNothing() {
		Instant firstContact = NOW.minus(Duration.ofHours(2));
		assertThat(SurgeWatch.firstHourToTest(Optional.empty(), counted(firstContact), WEEK_AGO, NOW))
			.isEqualTo(firstContact);
		// The current hour is not complete: starting there tests nothing.
		assertThat(SurgeWatch.firstHourToTest(Optional.empty(), counted(null), WEEK_AGO, NOW)).isEqualTo(NOW);
	}

}

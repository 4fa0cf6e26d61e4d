package io.rootcase.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.events.EventPublication;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPauseTests {

	private static final Instant PUBLISHED = Instant.parse("2026-11-28T10:00:00Z");

	@Test
	void aFirstFailureIsRetriedAfterTwoMinutes() {
		Failed once = new Failed(1, PUBLISHED);

		assertThat(BackgroundWork.due(once, PUBLISHED.plus(Duration.ofSeconds(119)))).isFalse();
		assertThat(BackgroundWork.due(once, PUBLISHED.plus(Duration.ofMinutes(2)))).isTrue();
	}

	@Test
	void thePauseDoublesFromTheLastAttemptUpToAnHour() {
		Instant last = PUBLISHED.plus(Duration.ofHours(3));

		assertThat(BackgroundWork.due(new Failed(3, last), last.plus(Duration.ofMinutes(7)))).isFalse();
		assertThat(BackgroundWork.due(new Failed(3, last), last.plus(Duration.ofMinutes(8)))).isTrue();
		assertThat(BackgroundWork.due(new Failed(9, last), last.plus(Duration.ofMinutes(59)))).isFalse();
		assertThat(BackgroundWork.due(new Failed(9, last), last.plus(Duration.ofHours(1)))).isTrue();
	}

	@Test
	void workIsGivenUpOnAfterTenAttempts() {
		assertThat(BackgroundWork.due(new Failed(BackgroundWork.MAX_ATTEMPTS, PUBLISHED),
				PUBLISHED.plus(Duration.ofDays(30))))
			.isFalse();
	}

	@Test
	void aListenerIsNamedByItsClassAndMethod() {
		assertThat(BackgroundWork
			.listenerName("void io.rootcase.reasons.ContactReasons.on(io.rootcase.intake.ContactReceived)"))
			.isEqualTo("ContactReasons.on");
		assertThat(BackgroundWork.listenerName("io.rootcase.trends.TrendSeries.counted"))
			.isEqualTo("TrendSeries.counted");
	}

	private record Failed(int attempts, Instant lastAttempt) implements EventPublication {

		@Override
		public UUID getIdentifier() {
			return UUID.randomUUID();
		}

		@Override
		public Object getEvent() {
			return "work";
		}

		@Override
		public Instant getPublicationDate() {
			return PUBLISHED;
		}

		@Override
		public Optional<Instant> getCompletionDate() {
			return Optional.empty();
		}

		@Override
		public Status getStatus() {
			return Status.FAILED;
		}

		@Override
		public Instant getLastResubmissionDate() {
			return this.lastAttempt;
		}

		@Override
		public int getCompletionAttempts() {
			return this.attempts;
		}

	}

}

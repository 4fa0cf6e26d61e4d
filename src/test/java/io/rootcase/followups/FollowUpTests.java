package io.rootcase.followups;

import java.time.Instant;
import java.util.UUID;

import io.rootcase.shared.ConflictException;
import io.rootcase.shared.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FollowUpTests {

	private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

	private FollowUp scheduled() {
		return FollowUp.schedule(UUID.randomUUID(), FollowUpKind.DID_IT_HOLD, T0.plusSeconds(3600), "alice",
				"Did the reset hold?", "system", T0);
	}

	@Test
	void aFollowUpIsOverdueOnlyWhilePastDueAndNotDone() {
		FollowUp f = scheduled();
		assertThat(f.isOverdue(T0.plusSeconds(3599))).isFalse();
		assertThat(f.isOverdue(T0.plusSeconds(3601))).isTrue();
		f.complete("Customer says it held", "alice", T0.plusSeconds(4000));
		assertThat(f.isOverdue(T0.plusSeconds(5000))).isFalse();
	}

	@Test
	void itIsCompletedOnceWithWhatWasFound() {
		FollowUp f = scheduled();
		assertThatThrownBy(() -> f.complete(" ", "alice", T0)).isInstanceOf(InvalidRequestException.class);
		f.complete("Held", "alice", T0);
		assertThatThrownBy(() -> f.complete("Again", "bob", T0)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("alice");
	}

	@Test
	void aFollowUpNeedsADueDateAnOwnerAndSomethingToCheck() {
		UUID c = UUID.randomUUID();
		assertThatThrownBy(() -> FollowUp.schedule(c, FollowUpKind.MANUAL, null, "alice", "x", "alice", T0))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> FollowUp.schedule(c, FollowUpKind.MANUAL, T0, " ", "x", "alice", T0))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> FollowUp.schedule(c, FollowUpKind.MANUAL, T0, "alice", "", "alice", T0))
			.isInstanceOf(InvalidRequestException.class);
	}

}

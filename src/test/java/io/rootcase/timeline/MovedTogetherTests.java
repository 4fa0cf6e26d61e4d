package io.rootcase.timeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.rootcase.intake.ContactMove;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline shows the contacts a merge moved as one entry, and every other move as its
 * own.
 */
class MovedTogetherTests {

	private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

	private final UUID customer = UUID.randomUUID();

	private final UUID first = UUID.randomUUID();

	private final UUID second = UUID.randomUUID();

	private final UUID third = UUID.randomUUID();

	private ContactMove move(UUID from, UUID to, String by, Instant at) {
		return new ContactMove(UUID.randomUUID(), this.customer, from, to, by, at, null);
	}

	@Test
	void theContactsOfOneMergeAreOneEntryAndOtherMovesStayApart() {
		ContactMove merged1 = move(this.second, this.first, "alice", T0);
		ContactMove merged2 = move(this.second, this.first, "alice", T0);
		ContactMove elsewhere = move(this.second, this.third, "alice", T0);
		ContactMove byAnother = move(this.second, this.third, "bruno", T0);
		ContactMove later = move(this.second, this.third, "bruno", T0.plusSeconds(1));

		assertThat(CustomerTimeline.movedTogether(List.of(merged1, merged2, elsewhere, byAnother, later)))
			.containsExactly(List.of(merged1, merged2), List.of(elsewhere), List.of(byAnother), List.of(later));
	}

}

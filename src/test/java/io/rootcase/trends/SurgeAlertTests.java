package io.rootcase.trends;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SurgeAlertTests {

	private static final Duration GAP = Duration.ofHours(24);

	private static final Instant MONDAY = Instant.parse("2026-11-30T08:00:00Z");

	private final SurgeAlert billing = alert(SeriesKey.reason("billing"), MONDAY, MONDAY.plus(Duration.ofHours(30)));

	@Test
	void aSegmentSurgingWhileItsReasonSurgesIsASegmentOfThatSurge() {
		SurgeAlert gold = alert(new SeriesKey("billing", null, "plan", "gold"), MONDAY.plus(Duration.ofHours(3)),
				MONDAY.plus(Duration.ofHours(40)));

		assertThat(gold.segmentOf(this.billing, GAP)).isTrue();
		assertThat(this.billing.segmentOf(gold, GAP)).isFalse();
		assertThat(this.billing.segmentOf(this.billing, GAP)).isFalse();
	}

	@Test
	void aSegmentOfAnotherReasonOrLongAfterTheSurgeIsNot() {
		SurgeAlert otherReason = alert(new SeriesKey("delivery", null, "plan", "gold"), MONDAY, MONDAY);
		SurgeAlert later = alert(new SeriesKey("billing", null, "plan", "gold"),
				MONDAY.plus(Duration.ofHours(30)).plus(GAP).plus(Duration.ofHours(1)), MONDAY.plus(Duration.ofDays(4)));
		SurgeAlert withinTheGap = alert(new SeriesKey("billing", null, "plan", "gold"),
				MONDAY.plus(Duration.ofHours(30)).plus(GAP), MONDAY.plus(Duration.ofDays(4)));

		assertThat(otherReason.segmentOf(this.billing, GAP)).isFalse();
		assertThat(later.segmentOf(this.billing, GAP)).isFalse();
		assertThat(withinTheGap.segmentOf(this.billing, GAP)).isTrue();
	}

	@Test
	void aSegmentsAlertPartOfASurgeTakesTheDecisionOnIt() {
		SurgeAlert gold = alert(new SeriesKey("billing", null, "plan", "gold"), MONDAY, MONDAY);
		Instant decidedAt = MONDAY.plus(Duration.ofDays(1));
		SurgeAlert problem = this.billing.decided(AlertState.PROBLEM, "maria", decidedAt, null, "PRB-3");
		Instant now = decidedAt.plus(Duration.ofHours(2));

		SurgeAlert open = gold.partOf(this.billing, now);
		SurgeAlert decided = gold.partOf(problem, now);

		assertThat(open.partOf()).isEqualTo(this.billing.id());
		assertThat(open.state()).isEqualTo(AlertState.OPEN);
		assertThat(open.actedAt()).isNull();
		assertThat(decided.partOf()).isEqualTo(this.billing.id());
		assertThat(decided.state()).isEqualTo(AlertState.PROBLEM);
		assertThat(decided.problemReference()).isEqualTo("PRB-3");
		assertThat(decided.actedBy()).isEqualTo("maria");
		assertThat(decided.actedAt()).isEqualTo(now);
		assertThat(decided.observed()).isEqualTo(gold.observed());
	}

	@Test
	void aSegmentsAlertDecidedOnItsOwnKeepsItsDecision() {
		SurgeAlert dismissed = alert(new SeriesKey("billing", null, "plan", "gold"), MONDAY, MONDAY)
			.decided(AlertState.DISMISSED, "maria", MONDAY, "a campaign", null);

		assertThatIllegalStateException().isThrownBy(() -> dismissed.partOf(this.billing, MONDAY));
	}

	private static SurgeAlert alert(SeriesKey series, Instant since, Instant lastFlagged) {
		return new SurgeAlert(UUID.randomUUID(), series, AlertState.OPEN, since, lastFlagged, lastFlagged, 20, 4.0,
				1e-6, null, null, null, null, null);
	}

}

package io.rootcase.trends;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@RootcaseIntegrationTest
class AlertRepositoryTests {

	private static final Instant HOUR = Instant.parse("2026-11-30T08:00:00Z");

	@Autowired
	AlertRepository alerts;

	final String reason = "arp_" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void flaggingAnAlertAgainKeepsTheDecisionTakenSinceTheWatchReadIt() {
		SurgeAlert read = alert(SeriesKey.reason(this.reason));
		this.alerts.insert(read);
		this.alerts
			.decide(read.decided(AlertState.DISMISSED, "maria", HOUR.plus(Duration.ofMinutes(20)), "a campaign", null));

		this.alerts.extend(read.flaggedAgain(HOUR.plus(Duration.ofHours(1)), 31, 6.5, 1e-7));

		SurgeAlert stored = this.alerts.find(read.id()).orElseThrow();
		assertThat(stored.state()).isEqualTo(AlertState.DISMISSED);
		assertThat(stored.dismissReason()).isEqualTo("a campaign");
		assertThat(stored.lastFlagged()).isEqualTo(HOUR.plus(Duration.ofHours(1)));
		assertThat(stored.observed()).isEqualTo(31);
	}

	@Test
	void aDecisionKeepsWhatTheWatchFlaggedSinceItWasRead() {
		SurgeAlert whole = alert(SeriesKey.reason(this.reason));
		SurgeAlert segment = alert(new SeriesKey(this.reason, null, "plan", "gold"));
		this.alerts.insert(whole);
		this.alerts.insert(segment);
		this.alerts.extend(segment.flaggedAgain(HOUR.plus(Duration.ofHours(1)), 25, 4.0, 1e-6));

		this.alerts.decide(segment.partOf(whole, HOUR.plus(Duration.ofHours(1))));

		SurgeAlert stored = this.alerts.find(segment.id()).orElseThrow();
		assertThat(stored.partOf()).isEqualTo(whole.id());
		assertThat(stored.observed()).isEqualTo(25);
		assertThat(this.alerts.partsOf(List.of(whole.id()))).extracting(SurgeAlert::id).containsExactly(segment.id());
		assertThat(this.alerts.list(List.of(AlertState.OPEN), 500)).extracting(SurgeAlert::id)
			.doesNotContain(segment.id());
	}

	private static SurgeAlert alert(SeriesKey series) {
		return new SurgeAlert(UUID.randomUUID(), series, AlertState.OPEN, HOUR, HOUR, HOUR, 20, 4.0, 1e-6, null, null,
				null, null, null);
	}

}

package io.rootcase.console;

import java.util.Map;

import io.rootcase.trends.SeriesKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesNamesTests {

	static final Map<String, String> REASONS = Map.of("billing_proration_error", "Billing proration error");

	static final Map<String, String> CAUSES = Map.of("router_firmware_watchdog",
			"Router firmware reboots under evening load");

	@Test
	void aReasonSeriesIsCalledByTheReasonsNameAndASegmentSaysWhere() {
		assertThat(SeriesNames.name(SeriesKey.reason("billing_proration_error"), REASONS, CAUSES))
			.isEqualTo("Billing proration error");
		assertThat(SeriesNames.name(SeriesKey.parse("reason:billing_proration_error|plan=Fibre 100"), REASONS, CAUSES))
			.isEqualTo("Billing proration error where plan is Fibre 100");
	}

	@Test
	void aRootCauseSeriesSaysItIsARootCause() {
		assertThat(SeriesNames.name(SeriesKey.cause("router_firmware_watchdog"), REASONS, CAUSES))
			.isEqualTo("Root cause: Router firmware reboots under evening load");
	}

	@Test
	void aKeyNoLongerKnownIsShownAsItIsAndAllContactsHaveTheirOwnName() {
		assertThat(SeriesNames.name(SeriesKey.reason("merged_away"), REASONS, CAUSES)).isEqualTo("merged_away");
		assertThat(SeriesNames.name(SeriesKey.cause("retired"), REASONS, CAUSES)).isEqualTo("Root cause: retired");
		assertThat(SeriesNames.name(SeriesKey.ALL, REASONS, CAUSES)).isEqualTo("All inbound contacts");
	}

}

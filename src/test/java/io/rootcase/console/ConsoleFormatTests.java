package io.rootcase.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleFormatTests {

	final ConsoleFormat fmt = new ConsoleFormat(java.time.Clock.systemUTC());

	@Test
	void aTimeTakenReadsInMinutesThenHoursThenDays() {
		assertThat(this.fmt.minutes(null)).isEqualTo("—");
		assertThat(this.fmt.minutes(0.2)).isEqualTo("0 min");
		assertThat(this.fmt.minutes(42.4)).isEqualTo("42 min");
		assertThat(this.fmt.minutes(59.7)).as("not 60 min").isEqualTo("1.0 h");
		assertThat(this.fmt.minutes(90.0)).isEqualTo("1.5 h");
		assertThat(this.fmt.minutes(47.9 * 60)).isEqualTo("47.9 h");
		assertThat(this.fmt.minutes(3.25 * 24 * 60)).isEqualTo("3.3 d");
	}

	@Test
	void anAnswerIsDueInSomeTimeOrOverdueBySomeTime() {
		java.time.Instant now = java.time.Instant.parse("2026-12-07T10:00:00Z");
		assertThat(this.fmt.due(now.plusSeconds(40 * 60), now)).isEqualTo("in 40 min");
		assertThat(this.fmt.due(now.minusSeconds(150 * 60), now)).isEqualTo("overdue 2.5 h");
	}

	@Test
	void timesAreShownInTheOrganisationsTimeZone() {
		java.time.Instant at = java.time.Instant.parse("2026-12-07T05:50:00Z");
		assertThat(this.fmt.time(at)).isEqualTo("2026-12-07 05:50");
		ConsoleFormat berlin = new ConsoleFormat(java.time.Clock.system(java.time.ZoneId.of("Europe/Berlin")));
		assertThat(berlin.time(at)).isEqualTo("2026-12-07 06:50");
		assertThat(berlin.zone()).isEqualTo("Europe/Berlin");
	}

	@Test
	void aSmallProbabilityKeepsADecimal() {
		assertThat(this.fmt.percent(0.043)).isEqualTo("4.3%");
		assertThat(this.fmt.percent(0.437)).isEqualTo("44%");
	}

}

package io.rootcase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock, moved forward on demand: timers (reminders, closures, follow-ups) are
 * tested by advancing it, never by waiting. {@link RewindClock} puts it back after each
 * test.
 */
public final class TestClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	public void advance(Duration by) {
		this.offset = this.offset.plus(by);
	}

	public void reset() {
		this.offset = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset);
	}

	/** The time zone application.properties sets, as the application's clock has it. */
	@Override
	public ZoneId getZone() {
		return ZoneId.of("UTC");
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("the tests' clock keeps the organisation's time zone");
	}

}

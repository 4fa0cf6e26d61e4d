package io.rootcase.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * The dates Rootcase takes: none before 1970 (no contact, case or plan of a customer
 * service is older), and a plan (a fix's target, an action item's or follow-up's due
 * date) at most twenty years ahead. Further out is a typing error, and past the year
 * PostgreSQL stores in a {@code date} or {@code timestamp} column, where it would fail
 * the request instead of being refused.
 */
public final class Dates {

	public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

	public static final Period PLAN_AHEAD = Period.ofYears(20);

	/** What a period asked for (a report's from and to) may reach. */
	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	private Dates() {
	}

	/** A plan's date, from 1970 to twenty years after today. */
	public static LocalDate requirePlanned(String field, LocalDate date, LocalDate today, String what) {
		if (date != null && (date.isBefore(LocalDate.ofInstant(EARLIEST, ZoneOffset.UTC))
				|| date.isAfter(today.plus(PLAN_AHEAD)))) {
			throw InvalidRequestException.of(field,
					what + " is between 1970 and " + PLAN_AHEAD.getYears() + " years from today; " + date + " is not");
		}
		return date;
	}

	/** A plan's moment, from 1970 to twenty years after now. */
	public static Instant requirePlanned(String field, Instant at, Instant now, String what) {
		if (at != null) {
			requirePlanned(field, LocalDate.ofInstant(at, ZoneOffset.UTC), LocalDate.ofInstant(now, ZoneOffset.UTC),
					what);
		}
		return at;
	}

	/** An end of a period asked about, which the databases can compare with. */
	public static Instant requireInRange(String field, Instant at) {
		if (at != null && (at.isBefore(EARLIEST) || at.isAfter(LATEST))) {
			throw InvalidRequestException.of(field, field + " is between 1970 and the year 9999; " + at + " is not");
		}
		return at;
	}

}

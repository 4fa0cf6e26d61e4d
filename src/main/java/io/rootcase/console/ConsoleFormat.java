package io.rootcase.console;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.rootcase.cases.ActionKind;
import io.rootcase.shared.Texts;

import org.springframework.stereotype.Component;

/**
 * Formatting helpers for templates, as {@code @fmt}.
 */
@Component("fmt")
class ConsoleFormat {

	private final DateTimeFormatter time;

	private final ZoneId zone;

	ConsoleFormat(Clock clock) {
		this.zone = clock.getZone();
		this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(this.zone);
	}

	/** An instant in the organisation's time zone. */
	public String time(Instant instant) {
		return instant == null ? "—" : this.time.format(instant);
	}

	/** The organisation's time zone, which every time shown is in. */
	public String zone() {
		return this.zone.getId();
	}

	/** A probability as a percentage, with a decimal below 10 % where it matters. */
	public String percent(double p) {
		double pct = p * 100;
		return pct < 10 ? String.format(Locale.ROOT, "%.1f%%", pct) : String.format(Locale.ROOT, "%.0f%%", pct);
	}

	/** A time taken, in the unit a person reads it in: minutes, hours or days. */
	public String minutes(Double minutes) {
		if (minutes == null) {
			return "—";
		}
		if (Math.round(minutes) < 60) {
			return Math.round(minutes) + " min";
		}
		double hours = minutes / 60;
		return hours < 48 ? String.format(Locale.ROOT, "%.1f h", hours)
				: String.format(Locale.ROOT, "%.1f d", hours / 24);
	}

	/** An answer's due time as the queue reads it: "in 40 min" or "overdue 2.5 h". */
	public String due(Instant due, Instant now) {
		double minutes = Math.abs(java.time.Duration.between(now, due).toSeconds()) / 60.0;
		return due.isBefore(now) ? "overdue " + minutes(minutes) : "in " + minutes(minutes);
	}

	public String label(Enum<?> value) {
		return value == null ? "—" : Texts.words(value);
	}

	public String actionHelp(ActionKind kind) {
		return switch (kind) {
			case DIAGNOSTIC -> "Finds out why: a question, a test, a look at the data";
			case PALLIATIVE -> "Eases the symptom without removing its cause (reset, credit, visit)";
			case CURATIVE -> "Removes the root cause, so the problem does not come back";
		};
	}

}

package io.rootcase.trends;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One watched series: all inbound contacts, those of one contact reason, of one known
 * root cause, or of one reason within one customer segment (an attribute's value, such as
 * plan = fibre-1000). Its text form is the stored key, e.g.
 * {@code reason:billing_dispute|plan=gold}.
 *
 * @param reason the contact reason, or {@code null}
 * @param cause the known root cause, or {@code null}
 * @param attribute the segment attribute, or {@code null}
 * @param value the segment attribute's value, or {@code null}
 */
public record SeriesKey(String reason, String cause, String attribute, String value) {

	/** Every inbound contact. */
	public static final SeriesKey ALL = new SeriesKey(null, null, null, null);

	public SeriesKey {
		if (reason != null && cause != null || (attribute == null) != (value == null)
				|| attribute != null && reason == null) {
			throw new IllegalArgumentException(
					"a series is all contacts, a reason, a root cause, or a reason in a " + "segment");
		}
	}

	public static SeriesKey reason(String reason) {
		return new SeriesKey(reason, null, null, null);
	}

	public static SeriesKey cause(String cause) {
		return new SeriesKey(null, cause, null, null);
	}

	/** The series a contact counts toward. */
	static Set<SeriesKey> of(String reason, String cause, Map<String, String> segments) {
		Set<SeriesKey> keys = new LinkedHashSet<>();
		keys.add(ALL);
		if (reason != null) {
			keys.add(reason(reason));
			segments.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
				.forEach(s -> keys.add(new SeriesKey(reason, null, s.getKey(), s.getValue())));
		}
		if (cause != null) {
			keys.add(cause(cause));
		}
		return keys;
	}

	public static SeriesKey parse(String key) {
		if (key.equals("all")) {
			return ALL;
		}
		if (key.startsWith("cause:")) {
			return cause(key.substring("cause:".length()));
		}
		if (!key.startsWith("reason:")) {
			throw new IllegalArgumentException("not a series: " + key);
		}
		String rest = key.substring("reason:".length());
		int bar = rest.indexOf('|');
		if (bar < 0) {
			return reason(rest);
		}
		int equals = rest.indexOf('=', bar);
		if (equals < 0) {
			throw new IllegalArgumentException("not a series: " + key);
		}
		return new SeriesKey(rest.substring(0, bar), null, rest.substring(bar + 1, equals), rest.substring(equals + 1));
	}

	public String key() {
		if (this.cause != null) {
			return "cause:" + this.cause;
		}
		if (this.reason == null) {
			return "all";
		}
		return "reason:" + this.reason + (this.attribute == null ? "" : "|" + this.attribute + "=" + this.value);
	}

	public boolean segment() {
		return this.attribute != null;
	}

	/** Words for people, e.g. "reason billing_dispute where plan is gold". */
	public String label() {
		if (this.cause != null) {
			return "root cause " + this.cause;
		}
		if (this.reason == null) {
			return "all inbound contacts";
		}
		return "reason " + this.reason
				+ (this.attribute == null ? "" : " where " + this.attribute + " is " + this.value);
	}

}

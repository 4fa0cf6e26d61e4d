package io.rootcase.cases;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How people and systems point at a case: its human reference ({@code RC-1042}, or just
 * {@code 1042}) or its id.
 */
sealed interface CaseReference {

	String PREFIX = "RC-";

	Pattern NUMBER = Pattern.compile("^(?:RC-?)?(\\d{1,18})$");

	record ByNumber(long number) implements CaseReference {
	}

	record ById(UUID id) implements CaseReference {
	}

	static CaseReference parse(String raw) {
		String value = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
		Matcher m = NUMBER.matcher(value);
		if (m.matches()) {
			return new ByNumber(Long.parseLong(m.group(1)));
		}
		try {
			return new ById(UUID.fromString(value));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCaseReferenceException(raw);
		}
	}

	static String format(Long number) {
		return number == null ? null : PREFIX + number;
	}

}

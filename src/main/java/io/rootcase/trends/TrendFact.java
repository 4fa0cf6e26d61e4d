package io.rootcase.trends;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What one inbound contact counts toward.
 *
 * @param hour the start of the hour the contact arrived in
 * @param segments the customer's attributes when the contact arrived
 */
record TrendFact(UUID contactId, UUID caseId, Instant hour, String reason, String cause, Map<String, String> segments) {

	TrendFact {
		segments = Map.copyOf(segments);
	}

	Set<SeriesKey> series() {
		return SeriesKey.of(this.reason, this.cause, this.segments);
	}

	TrendFact classifiedAs(String reason, String cause) {
		return new TrendFact(this.contactId, this.caseId, this.hour, reason, cause, this.segments);
	}

	/** Segments as stored: one {@code attribute=value} per line, in attribute order. */
	String segmentLines() {
		return new TreeMap<>(this.segments).entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining("\n"));
	}

	static Map<String, String> segmentsOf(String lines) {
		Map<String, String> segments = new TreeMap<>();
		for (String line : lines.split("\n")) {
			int equals = line.indexOf('=');
			if (equals > 0) {
				segments.put(line.substring(0, equals), line.substring(equals + 1));
			}
		}
		return segments;
	}

}

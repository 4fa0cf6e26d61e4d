package io.rootcase.console;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import io.rootcase.diagnosis.KnowledgeBases;
import io.rootcase.reasons.ReasonTaxonomy;
import io.rootcase.trends.SeriesKey;

import org.springframework.stereotype.Component;

/**
 * What a trend series is called in the console: the contact reason's and the root cause's
 * names where trends store their keys, so a manager reads "Billing proration error where
 * plan is Fibre 100" rather than a key.
 */
@Component
class SeriesNames {

	private final ReasonTaxonomy reasons;

	private final KnowledgeBases knowledgeBases;

	SeriesNames(ReasonTaxonomy reasons, KnowledgeBases knowledgeBases) {
		this.reasons = reasons;
		this.knowledgeBases = knowledgeBases;
	}

	/** The names of the series, by their keys. */
	Map<String, String> of(Collection<SeriesKey> series) {
		Map<String, String> reasonNames = new LinkedHashMap<>();
		this.reasons.all().forEach(r -> reasonNames.put(r.key(), r.name()));
		Map<String, String> causeNames = this.knowledgeBases.causeNames();
		Map<String, String> names = new LinkedHashMap<>();
		series.forEach(key -> names.put(key.key(), name(key, reasonNames, causeNames)));
		return names;
	}

	/** A series' name; a key no longer known (a reason merged away) is shown as it is. */
	static String name(SeriesKey series, Map<String, String> reasonNames, Map<String, String> causeNames) {
		if (series.cause() != null) {
			return "Root cause: " + causeNames.getOrDefault(series.cause(), series.cause());
		}
		if (series.reason() == null) {
			return "All inbound contacts";
		}
		String reason = reasonNames.getOrDefault(series.reason(), series.reason());
		return series.attribute() == null ? reason : reason + " where " + series.attribute() + " is " + series.value();
	}

}

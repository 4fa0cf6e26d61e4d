package io.rootcase.problems;

import java.time.Instant;
import java.util.List;

import io.rootcase.shared.InvalidRequestException;

/**
 * A blameless root-cause analysis: what happened when, the chain of causes (five whys),
 * what contributed by category, and what went well. It has no field for who caused it:
 * the analysis asks how the system let it happen.
 */
public record RootCauseAnalysis(List<Event> timeline, List<String> whys, List<Factor> factors, List<String> wentWell) {

	static final int MAX_TEXT = 2000;

	static final int MAX_WHYS = 10;

	public RootCauseAnalysis {
		timeline = timeline == null ? List.of() : List.copyOf(timeline);
		whys = whys == null ? List.of() : List.copyOf(whys);
		factors = factors == null ? List.of() : List.copyOf(factors);
		wentWell = wentWell == null ? List.of() : List.copyOf(wentWell);
		if (whys.size() > MAX_WHYS) {
			throw InvalidRequestException.of("whys", "a chain of causes has at most " + MAX_WHYS + " steps");
		}
		timeline.forEach(e -> {
			if (e.at() == null) {
				throw InvalidRequestException.of("timeline", "every event needs its time");
			}
			text("timeline", e.what());
		});
		whys.forEach(w -> text("whys", w));
		factors.forEach(f -> {
			if (f.category() == null) {
				throw InvalidRequestException.of("factors",
						"every contributing factor needs a category: process, product, people, partner or tooling");
			}
			text("factors", f.description());
		});
		wentWell.forEach(w -> text("wentWell", w));
	}

	static RootCauseAnalysis empty() {
		return new RootCauseAnalysis(List.of(), List.of(), List.of(), List.of());
	}

	private static void text(String field, String value) {
		if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
			throw InvalidRequestException.of(field, "each entry needs a text of at most " + MAX_TEXT + " characters");
		}
	}

	/** Something that happened, in order. */
	public record Event(Instant at, String what) {
	}

	/** Something that made it possible or worse. */
	public record Factor(FactorCategory category, String description) {
	}

	/** Where a contributing factor lies. */
	public enum FactorCategory {

		PROCESS, PRODUCT, PEOPLE, PARTNER, TOOLING

	}

}

package io.rootcase.problems;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A problem as the API and the console show it.
 *
 * @param reference the human reference, e.g. {@code PRB-7}
 * @param knownError whether its workaround applies to its cases
 */
public record ProblemView(UUID id, String reference, String title, String description, String team, String owner,
		ProblemStatus status, boolean knownError, String rootCauseKey, String rootCauseText, String reasonKey,
		String segment, String workaround, String fixPlan, LocalDate fixTargetDate, Instant fixDeployedAt,
		Instant verifiedAt, String verificationNote, Instant createdAt, String createdBy) {

	static final String PREFIX = "PRB-";

	/** The attribute of the segment it affects, or {@code null}. */
	public String segmentAttribute() {
		return segmentAttribute(this.segment);
	}

	/** The value of the segment it affects, or {@code null}. */
	public String segmentValue() {
		return segmentValue(this.segment);
	}

	static String segmentAttribute(String segment) {
		return segment == null ? null : segment.substring(0, segment.indexOf('=')).strip();
	}

	static String segmentValue(String segment) {
		return segment == null ? null : segment.substring(segment.indexOf('=') + 1).strip();
	}

	static ProblemView of(Problem p) {
		Problem.Details d = p.details();
		return new ProblemView(p.id(), p.number() == null ? null : PREFIX + p.number(), d.title(), d.description(),
				d.team(), d.owner(), p.status(), p.status().isKnownError(), d.rootCauseKey(), d.rootCauseText(),
				d.reasonKey(), d.segment(), d.workaround(), d.fixPlan(), d.fixTargetDate(), p.fixDeployedAt(),
				p.verifiedAt(), p.verificationNote(), p.createdAt(), p.createdBy());
	}

}

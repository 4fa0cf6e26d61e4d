package io.rootcase.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Cases whose cause is unknown and whose findings are alike: a candidate for one
 * not-yet-described cause.
 *
 * @param shared the findings most of the group's cases gave
 * @param facts how the facts the cases already held (device, plan, channel, reason) are
 * spread over the group: where it concentrates, or that it does not
 * @param nothingFound whether nothing was asked or tested on these cases before their
 * cause was declared unknown: they need a diagnosis before an investigation
 * @param cases the cases, latest declared first
 */
public record UnknownCauseGroup(List<SharedAnswer> shared, List<FactSpread> facts, boolean nothingFound,
		List<Member> cases) {

	public record SharedAnswer(String question, String text, String answer) {
	}

	/**
	 * One fact over the group's cases.
	 *
	 * @param counts how many of the group's cases held each answer, most first (ties by
	 * answer)
	 */
	public record FactSpread(String question, String text, List<Count> counts) {
	}

	public record Count(String answer, int cases) {
	}

	/**
	 * @param answers the case's whole characterisation
	 */
	public record Member(UUID caseId, String caseReference, String subject, Instant declaredAt, String declaredBy,
			List<DiagnosisView.Step> answers) {
	}

}

package io.rootcase.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Cases whose cause is unknown and whose characterisations are alike: a candidate for one
 * not-yet-described cause.
 *
 * @param shared the answers most of the group's cases gave
 * @param cases the cases, latest declared first
 */
public record UnknownCauseGroup(List<SharedAnswer> shared, List<Member> cases) {

	public record SharedAnswer(String question, String text, String answer) {
	}

	/**
	 * @param answers the case's whole characterisation
	 */
	public record Member(UUID caseId, String caseReference, String subject, Instant declaredAt, String declaredBy,
			List<DiagnosisView.Step> answers) {
	}

}

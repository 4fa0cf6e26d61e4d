package io.rootcase.diagnosis;

import java.time.Instant;
import java.util.List;

/**
 * What ended diagnoses have changed in the current knowledge base version.
 *
 * @param since learning counts diagnoses ended after this reset ({@code null}: all of
 * them)
 * @param shifts the values the data moved, biggest first
 */
public record LearningView(boolean enabled, int versionNumber, Instant since, String resetBy, int confirmedDiagnoses,
		int unknownDiagnoses, double priorStrength, double answerStrength, List<Shift> shifts) {

	/**
	 * One learned value next to the expert's.
	 *
	 * @param question {@code null} for a cause's prior
	 * @param observations the diagnoses that moved it
	 */
	public record Shift(String cause, String causeName, String question, String questionText, String answer,
			double expert, double learned, int observations) {

		public double change() {
			return this.learned - this.expert;
		}

	}

}

package io.rootcase.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rootcase.shared.ConflictException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CauseDescribedByItsCasesTests {

	final KnowledgeBase kb = KnowledgeBaseFile.read("""
			format: rootcase-kb/1
			name: Described
			version: "2"
			unknownPrior: 0.05
			answerNoise: 0.0
			causes:
			  - {key: known, name: Known cause, team: support, prior: 0.5, fix: {action: Cure, minutes: 5}}
			  - {key: found, name: Found later, team: product, prior: 0.02, fix: {action: Fix it, minutes: 10}}
			questions:
			  - key: rain
			    text: Worse when it rains?
			    minutes: 2
			    answers: ["yes", "no"]
			    background: {"yes": 0.1, "no": 0.9}
			    likelihoods:
			      known: {"yes": 0.7, "no": 0.3}
			  - key: colour
			    text: Which colour?
			    minutes: 1
			    answers: [red, green, blue]
			    background: {red: 0.5, green: 0.3, blue: 0.2}
			    likelihoods:
			      known: {red: 0.1, green: 0.1, blue: 0.8}
			  - key: untouched
			    text: Not asked?
			    minutes: 1
			    answers: ["yes", "no"]
			    background: {"yes": 0.4, "no": 0.6}
			    likelihoods:
			      known: {"yes": 0.5, "no": 0.5}
			""");

	@Test
	void eachAnsweredQuestionGetsTheShareOfTheCasesAnswersSmoothedTowardItsBackground() {
		KnowledgeBase described = this.kb.describedBy("found", List.of(Map.of("rain", "yes", "colour", "blue"),
				Map.of("rain", "yes", "colour", "green"), Map.of("rain", "no")), 2);
		KnowledgeBase.Question rain = described.question("rain").orElseThrow();
		// Two of three said yes: (2 + 2 * 0.1) / (3 + 2), and (1 + 2 * 0.9) / 5.
		assertThat(rain.likelihood("found", "yes")).isCloseTo(0.44, within(1e-12));
		assertThat(rain.likelihood("found", "no")).isCloseTo(0.56, within(1e-12));
		assertThat(rain.likelihood("known", "yes")).as("other causes keep theirs").isEqualTo(0.7);
		KnowledgeBase.Question colour = described.question("colour").orElseThrow();
		// Two cases answered: blue (1 + 0.4) / 4, green (1 + 0.6) / 4, red never (0 + 1)
		// / 4.
		assertThat(colour.likelihood("found", "blue")).isCloseTo(0.35, within(1e-12));
		assertThat(colour.likelihood("found", "green")).isCloseTo(0.4, within(1e-12));
		assertThat(colour.likelihood("found", "red")).isCloseTo(0.25, within(1e-12));
		assertThat(described.question("untouched").orElseThrow().likelihoods()).doesNotContainKey("found");
	}

	@Test
	void answersAQuestionDoesNotHaveAreIgnoredAndTheResultIsAValidFile() {
		KnowledgeBase described = this.kb.describedBy("found",
				List.of(Map.of("rain", "maybe", "colour", "red"), Map.of("gone", "yes", "colour", "red")), 2);
		assertThat(described.question("rain").orElseThrow().likelihoods()).doesNotContainKey("found");
		// (2 + 2 * 0.5) / (2 + 2)
		assertThat(described.question("colour").orElseThrow().likelihood("found", "red")).isCloseTo(0.75,
				within(1e-12));
		KnowledgeBase reread = KnowledgeBaseFile.read(KnowledgeBaseFile.write(described));
		assertThat(reread.question("colour").orElseThrow().likelihood("found", "red")).isCloseTo(0.75, within(1e-12));
	}

	@Test
	void onlyADiagnosisThatEndedUnknownIsExplainedLater() {
		Instant at = Instant.parse("2026-12-01T10:00:00Z");
		CaseDiagnosis unknown = CaseDiagnosis.start(UUID.randomUUID(), UUID.randomUUID(), "alice", at);
		unknown.answer("rain", "yes", CaseDiagnosis.Source.ASKED, "alice", at);
		unknown.declareUnknown("alice", at);
		unknown.explainedAs("found", "maria", at.plusSeconds(3600));
		assertThat(unknown.status()).isEqualTo(CaseDiagnosis.Status.EXPLAINED);
		assertThat(unknown.causeKey()).isEqualTo("found");
		assertThat(unknown.finishedBy()).as("how it ended stays").isEqualTo("alice");
		assertThat(unknown.explainedBy()).isEqualTo("maria");
		assertThat(unknown.answerValues()).containsEntry("rain", "yes");

		CaseDiagnosis running = CaseDiagnosis.start(UUID.randomUUID(), UUID.randomUUID(), "alice", at);
		assertThatThrownBy(() -> running.explainedAs("found", "maria", at)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("in progress");
		assertThatThrownBy(() -> unknown.explainedAs("other", "maria", at)).isInstanceOf(ConflictException.class);
	}

}

package io.rootcase.diagnosis;

import java.util.List;
import java.util.Map;

import io.rootcase.diagnosis.Learning.Change;
import io.rootcase.diagnosis.Learning.Experience;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LearningTests {

	final KnowledgeBase expert = KnowledgeBaseFile.read("""
			format: rootcase-kb/1
			name: Learning
			version: "1"
			unknownPrior: 0.1
			answerNoise: 0.0
			causes:
			  - {key: a, name: Cause A, team: product, prior: 0.6, fix: {action: Fix A, minutes: 10}}
			  - {key: b, name: Cause B, team: support, prior: 0.4, fix: {action: Fix B, minutes: 10}}
			questions:
			  - key: q
			    text: Q?
			    minutes: 1
			    answers: ["yes", "no"]
			    background: {"yes": 0.2, "no": 0.8}
			    likelihoods:
			      a: {"yes": 0.9, "no": 0.1}
			""");

	final Learning learning = new Learning(10, 4);

	// Five diagnoses confirmed to each cause, two ended unknown; four of the diagnoses of
	// A answered q: once yes, three times no.
	final Experience experience = new Experience(Map.of("a", 5, "b", 5), 2,
			Map.of("a", Map.of("q", Map.of("yes", 1, "no", 3))));

	@Test
	void confirmedDiagnosesMoveThePriorsAsDirichletPosteriorMeans() {
		KnowledgeBase learned = this.learning.apply(this.expert, this.experience);
		// (10 * 0.6 + 5) / (10 + 10) and (10 * 0.4 + 5) / (10 + 10)
		assertThat(learned.cause("a").orElseThrow().prior()).isCloseTo(0.55, within(1e-12));
		assertThat(learned.cause("b").orElseThrow().prior()).isCloseTo(0.45, within(1e-12));
		// The unknown cause's prior becomes the share of diagnoses never confirmed: (10 *
		// 0.1 + 2) / (10 + 10 + 2)
		assertThat(learned.unknownPrior()).isCloseTo(3.0 / 22, within(1e-12));
	}

	@Test
	void answersOfConfirmedDiagnosesMoveTheirCausesAnswerProbabilities() {
		KnowledgeBase learned = this.learning.apply(this.expert, this.experience);
		KnowledgeBase.Question q = learned.question("q").orElseThrow();
		// (4 * 0.9 + 1) / (4 + 4) and (4 * 0.1 + 3) / (4 + 4)
		assertThat(q.likelihood("a", "yes")).isCloseTo(0.575, within(1e-12));
		assertThat(q.likelihood("a", "no")).isCloseTo(0.425, within(1e-12));
		// B never answered q, so it keeps the background.
		assertThat(q.likelihood("b", "yes")).isEqualTo(0.2);
	}

	@Test
	void causesThatUsedTheBackgroundLearnTheirOwnRowFromItsPseudoCounts() {
		Experience bAnswered = new Experience(Map.of("b", 1), 0, Map.of("b", Map.of("q", Map.of("yes", 1))));
		KnowledgeBase.Question q = this.learning.apply(this.expert, bAnswered).question("q").orElseThrow();
		// (4 * 0.2 + 1) / (4 + 1)
		assertThat(q.likelihood("b", "yes")).isCloseTo(0.36, within(1e-12));
		assertThat(q.likelihood("b", "no")).isCloseTo(0.64, within(1e-12));
	}

	@Test
	void withoutExperienceTheExpertValuesStand() {
		KnowledgeBase learned = this.learning.apply(this.expert, Experience.NONE);
		assertThat(learned.unknownPrior()).isCloseTo(0.1, within(1e-12));
		assertThat(learned.cause("a").orElseThrow().prior()).isCloseTo(0.6, within(1e-12));
		assertThat(learned.question("q").orElseThrow().likelihood("a", "yes")).isEqualTo(0.9);
		assertThat(this.learning.changes(this.expert, learned, Experience.NONE, 0.01)).singleElement()
			.satisfies(c -> assertThat(c.cause()).isEqualTo(DiagnosisEngine.UNKNOWN));
	}

	@Test
	void countsForCausesAndQuestionsTheKnowledgeBaseNoLongerHasAreIgnored() {
		Experience stale = new Experience(Map.of("gone", 50), 0,
				Map.of("gone", Map.of("q", Map.of("yes", 50)), "a", Map.of("removed", Map.of("yes", 9))));
		KnowledgeBase learned = this.learning.apply(this.expert, stale);
		assertThat(learned.cause("a").orElseThrow().prior()).isCloseTo(0.6, within(1e-12));
		assertThat(learned.question("q").orElseThrow().likelihoods()).containsOnlyKeys("a");
	}

	@Test
	void theLearnedKnowledgeBaseIsAValidFile() {
		String file = KnowledgeBaseFile.write(this.learning.apply(this.expert, this.experience));
		assertThat(KnowledgeBaseFile.read(file).question("q").orElseThrow().likelihood("a", "no")).isCloseTo(0.425,
				within(1e-9));
	}

	@Test
	void changesListTheBiggestShiftsFirstWithTheirObservations() {
		KnowledgeBase learned = this.learning.apply(this.expert, this.experience);
		List<Change> changes = this.learning.changes(this.expert, learned, this.experience, 0.01);
		assertThat(changes).extracting(Change::cause, Change::question, Change::answer)
			.startsWith(org.assertj.core.groups.Tuple.tuple("a", "q", "yes"),
					org.assertj.core.groups.Tuple.tuple("a", "q", "no"));
		assertThat(changes.get(0).expert()).isEqualTo(0.9);
		assertThat(changes.get(0).learned()).isCloseTo(0.575, within(1e-12));
		assertThat(changes.get(0).observations()).isEqualTo(1);
		assertThat(changes).extracting(Change::cause).contains("a", "b", DiagnosisEngine.UNKNOWN);
	}

	@Test
	void learningMovesTheDiagnosis() {
		KnowledgeBase learned = this.learning.apply(this.expert, this.experience);
		double before = new DiagnosisEngine(this.expert, DiagnosisEngine.Settings.defaults())
			.assess(Map.of("q", "no"), 1)
			.probabilityOf("a");
		double after = new DiagnosisEngine(learned, DiagnosisEngine.Settings.defaults()).assess(Map.of("q", "no"), 1)
			.probabilityOf("a");
		assertThat(after).isGreaterThan(2 * before);
	}

	@Test
	void strengthsMustBePositive() {
		assertThatThrownBy(() -> new Learning(0, 4)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Learning(10, -1)).isInstanceOf(IllegalArgumentException.class);
	}

}

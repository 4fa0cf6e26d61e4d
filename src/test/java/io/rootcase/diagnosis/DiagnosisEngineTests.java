package io.rootcase.diagnosis;

import java.util.Map;
import java.util.Set;

import io.rootcase.diagnosis.DiagnosisEngine.Assessment;
import io.rootcase.diagnosis.DiagnosisEngine.Criterion;
import io.rootcase.diagnosis.DiagnosisEngine.Settings;
import io.rootcase.diagnosis.DiagnosisEngine.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DiagnosisEngineTests {

	static final String KB = """
			format: rootcase-kb/1
			name: Hand-computed
			version: "1"
			unknownPrior: 0.2
			answerNoise: 0.0
			causes:
			  - {key: firmware, name: Router firmware, team: product, prior: 0.6, fix: {action: Update, minutes: 10}}
			  - {key: line, name: Line fault, team: support, prior: 0.4, fix: {action: Repair, minutes: 90}}
			questions:
			  - key: evening
			    text: Mostly in the evening?
			    minutes: 1
			    answers: ["yes", "no"]
			    background: {"yes": 0.5, "no": 0.5}
			    likelihoods:
			      firmware: {"yes": 0.9, "no": 0.1}
			      line: {"yes": 0.2, "no": 0.8}
			  - key: line_test
			    text: Line test
			    kind: agent_test
			    minutes: 4
			    answers: [pass, fail]
			    background: {pass: 0.5, fail: 0.5}
			    likelihoods:
			      firmware: {pass: 0.95, fail: 0.05}
			      line: {pass: 0.1, fail: 0.9}
			  - key: colour
			    text: What colour is the router?
			    minutes: 1
			    answers: [white, black]
			    background: {white: 0.5, black: 0.5}
			    likelihoods: {}
			""";

	final KnowledgeBase kb = KnowledgeBaseFile.read(KB);

	final DiagnosisEngine engine = new DiagnosisEngine(this.kb, Settings.defaults());

	@Test
	void withoutAnswersThePosteriorIsThePrior() {
		Assessment a = this.engine.assess(Map.of(), 0);
		assertThat(a.probabilityOf("firmware")).isCloseTo(0.8 * 0.6, within(1e-9));
		assertThat(a.probabilityOf("line")).isCloseTo(0.8 * 0.4, within(1e-9));
		assertThat(a.probabilityOf(DiagnosisEngine.UNKNOWN)).isCloseTo(0.2, within(1e-9));
	}

	@Test
	void oneAnswerUpdatesThePosteriorAsComputedByHand() {
		// Unknown answers like the population: P(yes) = 0.6 * 0.9 + 0.4 * 0.2 = 0.62.
		// Unnormalised: firmware 0.48 * 0.9 = 0.432, line 0.32 * 0.2 = 0.064, unknown 0.2
		// * 0.62 = 0.124.
		Assessment a = this.engine.assess(Map.of("evening", "yes"), 1);
		double z = 0.432 + 0.064 + 0.124;
		assertThat(a.probabilityOf("firmware")).isCloseTo(0.432 / z, within(1e-9));
		assertThat(a.probabilityOf("line")).isCloseTo(0.064 / z, within(1e-9));
		assertThat(a.probabilityOf(DiagnosisEngine.UNKNOWN)).isCloseTo(0.124 / z, within(1e-9));
		assertThat(a.ranking().get(0).cause()).isEqualTo("firmware");
	}

	@Test
	void aCauseWhoseCureDidNotHoldStartsFiveTimesLessLikely() {
		// Priors firmware 0.48, line 0.32, unknown 0.2; firmware x 0.2 = 0.096, then all
		// normalised by 0.616.
		Assessment a = this.engine.doubting("firmware").assess(Map.of(), 0);
		assertThat(a.probabilityOf("firmware")).isCloseTo(0.096 / 0.616, within(1e-9));
		assertThat(a.probabilityOf("line")).isCloseTo(0.32 / 0.616, within(1e-9));
		assertThat(a.probabilityOf(DiagnosisEngine.UNKNOWN)).isCloseTo(0.2 / 0.616, within(1e-9));
		assertThat(this.engine.doubting("gremlins")).isSameAs(this.engine);
		assertThat(this.engine.assess(Map.of(), 0).probabilityOf("firmware")).as("the shared engine is unchanged")
			.isCloseTo(0.48, within(1e-9));
	}

	@Test
	void answerNoiseKeepsOneContradictingAnswerFromRulingACauseOut() {
		String noisy = KB.replace("answerNoise: 0.0", "answerNoise: 0.1")
			.replace("firmware: {\"yes\": 0.9, \"no\": 0.1}", "firmware: {\"yes\": 1.0, \"no\": 0.0}");
		DiagnosisEngine robust = new DiagnosisEngine(KnowledgeBaseFile.read(noisy), Settings.defaults());
		assertThat(robust.assess(Map.of("evening", "no"), 1).probabilityOf("firmware")).isPositive();
	}

	@Test
	void theNextStepIsTheMostInformativePerMinuteAndNeverAnIrrelevantOne() {
		var proposal = this.engine.next(Map.of(), Set.of()).orElseThrow();
		assertThat(proposal.question().key()).isEqualTo("evening");
		assertThat(proposal.why()).contains("router firmware").contains("line fault");
		var afterEvening = this.engine.next(Map.of("evening", "yes"), Set.of()).orElseThrow();
		assertThat(afterEvening.question().key()).isEqualTo("line_test");
		assertThat(this.engine.next(Map.of(), Set.of("evening", "line_test")).orElseThrow().gain()).isCloseTo(0,
				within(1e-12));
	}

	@Test
	void bothCriteriaPreferTheQuestionThatSeparatesTheCauses() {
		DiagnosisEngine ec2 = new DiagnosisEngine(this.kb, Settings.defaults().with(Criterion.EC2));
		assertThat(ec2.next(Map.of(), Set.of("evening")).orElseThrow().question().key()).isEqualTo("line_test");
	}

	@Test
	void aQuestionOnlyOneCauseMentionsIsValuedAsComputedByHand() {
		KnowledgeBase sparse = KnowledgeBaseFile.read("""
				format: rootcase-kb/1
				name: Sparse
				version: "1"
				unknownPrior: 0.1
				answerNoise: 0.0
				causes:
				  - {key: a, name: A, team: support, prior: 0.4, fix: {action: Fix A, minutes: 5}}
				  - {key: b, name: B, team: support, prior: 0.3, fix: {action: Fix B, minutes: 5}}
				  - {key: c, name: C, team: support, prior: 0.2, fix: {action: Fix C, minutes: 5}}
				  - {key: d, name: D, team: support, prior: 0.1, fix: {action: Fix D, minutes: 5}}
				questions:
				  - key: q
				    text: Only A's test
				    minutes: 1
				    answers: ["yes", "no"]
				    background: {"yes": 0.2, "no": 0.8}
				    likelihoods:
				      a: {"yes": 0.9, "no": 0.1}
				""");
		// Prior: A 0.36, B 0.27, C 0.18, D 0.09, unknown 0.1; the unknown cause answers
		// "yes" with the known causes' marginal, 0.4 x 0.9 + 0.6 x 0.2 = 0.48.
		double[] prior = { 0.36, 0.27, 0.18, 0.09, 0.1 };
		double[][] like = { { 0.9, 0.2, 0.2, 0.2, 0.48 }, { 0.1, 0.8, 0.8, 0.8, 0.52 } };
		double entropyAfter = 0;
		double edgesAfter = 0;
		for (double[] answer : like) {
			double z = 0;
			for (int h = 0; h < prior.length; h++) {
				z += prior[h] * answer[h];
			}
			double[] after = new double[prior.length];
			for (int h = 0; h < prior.length; h++) {
				after[h] = prior[h] * answer[h] / z;
			}
			entropyAfter += z * entropy(after);
			edgesAfter += z * edges(after);
		}
		assertThat(new DiagnosisEngine(sparse, Settings.defaults()).next(Map.of(), Set.of()).orElseThrow().gain())
			.isCloseTo(entropy(prior) - entropyAfter, within(1e-12));
		assertThat(new DiagnosisEngine(sparse, Settings.defaults().with(Criterion.EC2)).next(Map.of(), Set.of())
			.orElseThrow()
			.gain()).isCloseTo(edges(prior) - edgesAfter, within(1e-12));
	}

	private static double entropy(double[] p) {
		double h = 0;
		for (double x : p) {
			h -= x * Math.log(x);
		}
		return h;
	}

	private static double edges(double[] p) {
		double pairs = 0;
		for (int i = 0; i < p.length; i++) {
			for (int j = i + 1; j < p.length; j++) {
				pairs += p[i] * p[j];
			}
		}
		return pairs;
	}

	@Test
	void consistentSpecificAnswersMakeTheEngineConfident() {
		DiagnosisEngine engine = new DiagnosisEngine(
				KnowledgeBaseFile.read(KB.replace("unknownPrior: 0.2", "unknownPrior: 0.05")),
				new Settings(0.9, 0.6, 3, 0.025, 0.5, 40, 90, 0.5, Criterion.ENTROPY));
		// firmware 0.57 * 0.9 * 0.95, line 0.38 * 0.2 * 0.1, unknown 0.05 * 0.62 * 0.61:
		// firmware at 95 %.
		Assessment a = engine.assess(Map.of("evening", "yes", "line_test", "pass"), 5);
		assertThat(a.probabilityOf("firmware")).isCloseTo(0.48735 / (0.48735 + 0.0076 + 0.01891), within(1e-9));
		assertThat(a.verdict()).isEqualTo(Verdict.CONFIDENT);
		assertThat(a.leading().cause()).isEqualTo("firmware");
	}

	@Test
	void aLeadingCauseIsConfirmedByASpecificTestBeforeTheEngineIsConfident() {
		DiagnosisEngine engine = new DiagnosisEngine(
				KnowledgeBaseFile.read(KB.replace("unknownPrior: 0.2", "unknownPrior: 0.02")),
				new Settings(0.55, 0.6, 3, 0.025, 3, 40, 90, 0.5, Criterion.ENTROPY));
		// Its prior alone makes firmware 59 % likely, but nothing specific to it has been
		// seen.
		Assessment start = engine.assess(Map.of(), 0);
		assertThat(start.probabilityOf("firmware")).isGreaterThan(0.55);
		assertThat(start.verdict()).isEqualTo(Verdict.CONTINUE);
		var check = engine.next(Map.of(), Set.of()).orElseThrow();
		assertThat(check.question().key()).isEqualTo("evening");
		assertThat(check.why()).startsWith("Confirms router firmware");
	}

	@Test
	void answersThatFitNoKnownCauseAreDeclaredUnknown() {
		// Evening yet the line test fails: firmware says pass, line says daytime.
		Assessment a = this.engine.assess(Map.of("evening", "yes", "line_test", "fail"), 5);
		assertThat(a.conflict()).isPositive();
		assertThat(this.engine.assess(Map.of("evening", "yes", "line_test", "pass"), 5).conflict()).isNegative();
	}

	@Test
	void theUnknownCauseDominatingIsDeclared() {
		String unlikely = KB.replace("unknownPrior: 0.2", "unknownPrior: 0.7");
		DiagnosisEngine engine = new DiagnosisEngine(KnowledgeBaseFile.read(unlikely), Settings.defaults());
		Assessment a = engine.assess(Map.of("evening", "yes", "line_test", "fail"), 5);
		assertThat(a.verdict()).isEqualTo(Verdict.UNKNOWN);
		assertThat(a.reason()).contains("fit no known cause");
	}

	@Test
	void aSpentBudgetBelowTheThresholdMeansUnknown() {
		Settings tight = new Settings(0.99, 0.9, 99, 0, 3, 1, 60, 0.5, Criterion.ENTROPY);
		DiagnosisEngine engine = new DiagnosisEngine(this.kb, tight);
		Assessment a = engine.assess(Map.of("colour", "white"), 1);
		assertThat(a.verdict()).isEqualTo(Verdict.UNKNOWN);
		assertThat(a.reason()).contains("budget");
	}

	@Test
	void whenNoQuestionIsWorthAskingTheEngineStopsWithItsBestGuess() {
		Assessment a = this.engine.assess(Map.of("evening", "no", "line_test", "fail", "colour", "black"), 6);
		assertThat(a.verdict()).isIn(Verdict.NOTHING_WORTH_ASKING, Verdict.CONFIDENT);
		assertThat(a.leading().cause()).isEqualTo("line");
	}

	@Test
	void unknownQuestionsAndAnswersAreRejected() {
		assertThatThrownBy(() -> this.engine.assess(Map.of("weather", "rain"), 0))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.engine.assess(Map.of("evening", "sometimes"), 0))
			.hasMessageContaining("not an answer");
	}

	@Test
	void removingCausesLeavesAValidKnowledgeBase() {
		KnowledgeBase without = this.kb.without(Set.of("line"));
		assertThat(without.causes()).hasSize(1);
		assertThat(without.question("evening").orElseThrow().likelihoods()).containsOnlyKeys("firmware");
	}

}

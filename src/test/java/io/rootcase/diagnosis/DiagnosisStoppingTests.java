package io.rootcase.diagnosis;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.rootcase.diagnosis.DiagnosisEngine.Assessment;
import io.rootcase.diagnosis.DiagnosisEngine.Criterion;
import io.rootcase.diagnosis.DiagnosisEngine.Settings;
import io.rootcase.diagnosis.DiagnosisEngine.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** When the engine stops asking, and how it reads a wrong answer. */
class DiagnosisStoppingTests {

	/**
	 * Eight weak questions: one answer against the likelier cause never makes the other
	 * one lead (0.8 x 0.3 > 0.2 x 0.7), several together can. The colour tells nothing.
	 */
	static final String WEAK = """
			format: rootcase-kb/1
			name: Weak evidence
			version: "1"
			unknownPrior: 0.01
			answerNoise: 0.0
			causes:
			  - {key: common, name: Common cause, team: support, prior: 0.8, fix: {action: Fix it, minutes: 10}}
			  - {key: rare, name: Rare cause, team: support, prior: 0.2, fix: {action: Fix that, minutes: 10}}
			questions:
			%s
			  - key: colour
			    text: What colour is the router?
			    minutes: 1
			    answers: ["white", "black"]
			    background: {"white": 0.5, "black": 0.5}
			    likelihoods: {}
			""".formatted(weakQuestions(8));

	static final Settings PATIENT = new Settings(0.99, 0.9, 99, 0.025, 0, 40, 90, 2, Criterion.ENTROPY);

	final DiagnosisEngine engine = new DiagnosisEngine(KnowledgeBaseFile.read(WEAK), PATIENT);

	private static String weakQuestions(int count) {
		StringBuilder yaml = new StringBuilder();
		for (int i = 1; i <= count; i++) {
			yaml.append("""
					  - key: q%d
					    text: Sign %d?
					    minutes: 1
					    answers: ["yes", "no"]
					    background: {"yes": 0.5, "no": 0.5}
					    likelihoods:
					      common: {"yes": 0.7, "no": 0.3}
					      rare: {"yes": 0.3, "no": 0.7}
					""".formatted(i, i));
		}
		return yaml.toString();
	}

	@Test
	void theDiagnosisGoesOnWhileTheRemainingAnswersTogetherCouldChangeTheBestGuess() {
		var next = this.engine.next(Map.of(), Set.of()).orElseThrow();
		assertThat(next.decisionGain()).as("no single answer changes which cause leads").isLessThan(0.001);
		assertThat(this.engine.remainingValue(Map.of(), posteriorOf(Map.of()))).isGreaterThan(0.05);
		assertThat(this.engine.assess(Map.of(), 0).verdict()).isEqualTo(Verdict.CONTINUE);
	}

	@Test
	void theDiagnosisStopsWhenNothingLeftCouldChangeTheBestGuess() {
		Map<String, String> answers = new HashMap<>();
		for (int i = 1; i <= 8; i++) {
			answers.put("q" + i, i <= 5 ? "yes" : "no");
		}
		assertThat(this.engine.remainingValue(answers, posteriorOf(answers))).isCloseTo(0, within(1e-9));
		Assessment a = this.engine.assess(answers, 8);
		assertThat(a.verdict()).isEqualTo(Verdict.NOTHING_WORTH_ASKING);
		assertThat(a.leading().cause()).isEqualTo("common");
		assertThat(a.reason()).contains("every remaining question");
	}

	@Test
	void theSameAnswersAlwaysGiveTheSameVerdict() {
		Map<String, String> answers = Map.of("q1", "no", "q2", "no");
		assertThat(this.engine.remainingValue(answers, posteriorOf(answers)))
			.isEqualTo(this.engine.remainingValue(new HashMap<>(answers), posteriorOf(answers)));
	}

	@Test
	void aNoisyAnswerIsOneOfTheWrongAnswersEquallyLikely() {
		// P(recorded | cause) = 0.9 P(true answer) + 0.1 (1 - P(answer)) / 2 with three
		// answers: a cause that always says "red" records "green" with 0.05, one that
		// always says "green" with 0.9, one that never says either with 0.05.
		String kb = """
				format: rootcase-kb/1
				name: Noise
				version: "1"
				unknownPrior: 0.1
				answerNoise: 0.1
				causes:
				  - {key: red, name: Red, team: support, prior: 0.3, fix: {action: A, minutes: 1}}
				  - {key: green, name: Green, team: support, prior: 0.3, fix: {action: B, minutes: 1}}
				  - {key: blue, name: Blue, team: support, prior: 0.3, fix: {action: C, minutes: 1}}
				questions:
				  - key: light
				    text: Which light is on?
				    minutes: 1
				    answers: [red, green, blue]
				    background: {red: 0.34, green: 0.33, blue: 0.33}
				    likelihoods:
				      red: {red: 1.0, green: 0.0, blue: 0.0}
				      green: {red: 0.0, green: 1.0, blue: 0.0}
				      blue: {red: 0.0, green: 0.0, blue: 1.0}
				""";
		DiagnosisEngine noisy = new DiagnosisEngine(KnowledgeBaseFile.read(kb), Settings.defaults());
		Assessment a = noisy.assess(Map.of("light", "green"), 1);
		// Unknown answers like the population: P(green) = 1/3 before noise, 0.9 / 3 +
		// 0.1 (2/3) / 2 = 1/3 after.
		double z = 0.3 * 0.05 + 0.3 * 0.9 + 0.3 * 0.05 + 0.1 / 3;
		assertThat(a.probabilityOf("green")).isCloseTo(0.27 / z, within(1e-9));
		assertThat(a.probabilityOf("red")).isCloseTo(0.015 / z, within(1e-9));
		assertThat(a.probabilityOf(DiagnosisEngine.UNKNOWN)).isCloseTo(0.1 / 3 / z, within(1e-9));
	}

	private double[] posteriorOf(Map<String, String> answers) {
		Assessment a = this.engine.assess(answers, 0);
		return new double[] { a.probabilityOf("common"), a.probabilityOf("rare"),
				a.probabilityOf(DiagnosisEngine.UNKNOWN) };
	}

}

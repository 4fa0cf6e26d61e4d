package io.rootcase.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnowledgeBaseFileTests {

	static final String VALID = """
			format: rootcase-kb/1
			name: Test
			version: "1"
			unknownPrior: 0.1
			answerNoise: 0.0
			causes:
			  - {key: firmware, name: Router firmware, team: product, prior: 0.6,
			     fix: {action: Update firmware, minutes: 10}, workarounds: [{action: Reset, minutes: 5}]}
			  - {key: line, name: Line fault, team: support, prior: 0.4,
			     fix: {action: Repair line, minutes: 90}}
			questions:
			  - key: evening
			    text: Mostly in the evening?
			    kind: ask_customer
			    minutes: 1
			    answers: ["yes", "no"]
			    background: {"yes": 0.5, "no": 0.5}
			    likelihoods:
			      firmware: {"yes": 0.9, "no": 0.1}
			      line: {"yes": 0.2, "no": 0.8}
			""";

	static String demo() throws IOException {
		try (InputStream in = KnowledgeBaseFileTests.class.getResourceAsStream("/diagnosis/demo-kb.yaml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static KnowledgeBaseException problems(String yaml) {
		try {
			KnowledgeBaseFile.read(yaml);
		}
		catch (KnowledgeBaseException ex) {
			return ex;
		}
		throw new AssertionError("expected the file to be rejected");
	}

	@Test
	void aValidFileIsRead() {
		KnowledgeBase kb = KnowledgeBaseFile.read(VALID);
		assertThat(kb.causes()).extracting(KnowledgeBase.RootCause::key).containsExactly("firmware", "line");
		assertThat(kb.question("evening").orElseThrow().likelihood("line", "no")).isEqualTo(0.8);
		assertThat(kb.cause("firmware").orElseThrow().workarounds()).hasSize(1);
	}

	@Test
	void theDemoKnowledgeBaseIsValidAndLargeEnough() throws IOException {
		KnowledgeBase kb = KnowledgeBaseFile.read(demo());
		assertThat(kb.causes()).hasSizeGreaterThanOrEqualTo(15);
		assertThat(kb.questions()).hasSizeGreaterThanOrEqualTo(30);
	}

	@Test
	void writingAndReadingAgainGivesTheSameKnowledgeBase() throws IOException {
		KnowledgeBase kb = KnowledgeBaseFile.read(demo());
		assertThat(KnowledgeBaseFile.read(KnowledgeBaseFile.write(kb))).isEqualTo(kb);
	}

	@Test
	void unknownKeysAreReportedWhereTheyAre() {
		assertThat(problems(VALID.replace("unknownPrior: 0.1", "unknownPrior: 0.1\ncolour: blue")
			.replace("kind: ask_customer", "kind: ask_customer\n    weight: 3")).locatedProblems())
			.extracting(KnowledgeBaseException.Problem::location)
			.containsExactlyInAnyOrder("colour", "questions[0].weight");
	}

	@Test
	void probabilitiesOutsideTheUnitIntervalOrNotSummingToOneAreReported() {
		var ex = problems(
				VALID.replace("firmware: {\"yes\": 0.9, \"no\": 0.1}", "firmware: {\"yes\": 1.2, \"no\": -0.2}")
					.replace("line: {\"yes\": 0.2, \"no\": 0.8}", "line: {\"yes\": 0.2, \"no\": 0.7}"));
		assertThat(ex.locatedProblems()).extracting(p -> p.location() + ": " + p.message())
			.contains("questions[0].likelihoods.firmware.yes: a probability is between 0 and 1, is 1.2",
					"questions[0].likelihoods.firmware.no: a probability is between 0 and 1, is -0.2",
					"questions[0].likelihoods.line: probabilities sum to 0.9, not 1");
	}

	@Test
	void duplicateKeysAreReported() {
		var ex = problems(VALID.replace("key: line,", "key: firmware,"));
		assertThat(ex.locatedProblems()).extracting(KnowledgeBaseException.Problem::message)
			.contains("duplicate root cause key 'firmware'");
	}

	@Test
	void referencesToMissingCausesAndAnswersAreReported() {
		var ex = problems(VALID.replace("      line: {", "      modem: {").replace("\"no\": 0.5}", "\"maybe\": 0.5}"));
		assertThat(ex.locatedProblems()).extracting(p -> p.location() + ": " + p.message())
			.contains("questions[0].likelihoods.modem: no root cause 'modem'",
					"questions[0].background.maybe: 'maybe' is not one of the answers [yes, no]",
					"questions[0].background.no: missing: every answer needs a probability");
	}

	@Test
	void everyProblemIsListedAtOnce() {
		var ex = problems(VALID.replace("prior: 0.6", "prior: 0")
			.replace("    minutes: 1\n", "    minutes: -4\n")
			.replace("format: rootcase-kb/1", "format: rootcase-kb/9"));
		assertThat(ex.locatedProblems()).extracting(KnowledgeBaseException.Problem::location)
			.contains("format", "causes[0].prior", "questions[0].minutes");
		assertThat(ex.getMessage()).isEqualTo("3 problems in the knowledge base");
	}

	@Test
	void answersThatFindNothingAreReadAndWrittenBack() {
		KnowledgeBase kb = KnowledgeBaseFile.read(withAnswerThatFindsNothing("[dont_know]"));

		KnowledgeBase.Question evening = kb.question("evening").orElseThrow();
		assertThat(evening.conclusive("dont_know")).isFalse();
		assertThat(evening.conclusive("yes")).isTrue();
		assertThat(KnowledgeBaseFile.read(KnowledgeBaseFile.write(kb))).isEqualTo(kb);
		assertThat(KnowledgeBaseFile.read(VALID).question("evening").orElseThrow().inconclusive()).isEmpty();
	}

	@Test
	void answersThatFindNothingAreAnswersAndNotAllOfThem() {
		assertThat(problems(withAnswerThatFindsNothing("[maybe]")).locatedProblems())
			.extracting(p -> p.location() + ": " + p.message())
			.containsExactly("questions[0].inconclusive[0]: 'maybe' is not one of the answers [yes, no, dont_know]");
		assertThat(problems(withAnswerThatFindsNothing("[yes, no, dont_know]")).locatedProblems())
			.extracting(p -> p.location() + ": " + p.message())
			.containsExactly("questions[0].inconclusive: at least one answer must find something");
	}

	private static String withAnswerThatFindsNothing(String inconclusive) {
		return VALID
			.replace("answers: [\"yes\", \"no\"]",
					"answers: [\"yes\", \"no\", dont_know]\n    inconclusive: " + inconclusive)
			.replace("background: {\"yes\": 0.5, \"no\": 0.5}",
					"background: {\"yes\": 0.4, \"no\": 0.4, dont_know: 0.2}")
			.replace("firmware: {\"yes\": 0.9, \"no\": 0.1}", "firmware: {\"yes\": 0.8, \"no\": 0.1, dont_know: 0.1}")
			.replace("line: {\"yes\": 0.2, \"no\": 0.8}", "line: {\"yes\": 0.2, \"no\": 0.7, dont_know: 0.1}");
	}

	@Test
	void brokenYamlIsReportedWithItsLine() {
		assertThatThrownBy(() -> KnowledgeBaseFile.read("format: x\ncauses: [unclosed\n"))
			.isInstanceOf(KnowledgeBaseException.class)
			.hasMessageContaining("line ");
	}

	@Test
	void aFileLongerThanAVersionHoldsIsRefusedWholeAndOneThatFitsIsRead() {
		String padding = "\n# " + "x".repeat(KnowledgeBaseFile.MAX_CHARACTERS);
		String fits = VALID + padding.substring(0, KnowledgeBaseFile.MAX_CHARACTERS - VALID.length());

		assertThat(KnowledgeBaseFile.read(fits).causes()).hasSize(2);
		assertThat(problems(fits + "x").locatedProblems()).singleElement()
			.satisfies(p -> assertThat(p.location()).isEqualTo("file"))
			.satisfies(p -> assertThat(p.message()).startsWith("a knowledge base file has at most 1000000 characters"));
	}

}

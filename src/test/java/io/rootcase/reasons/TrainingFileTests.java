package io.rootcase.reasons;

import java.io.StringReader;

import io.rootcase.shared.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TrainingFileTests {

	static TrainingFile.Parsed training(String csv) {
		return TrainingFile.forTraining(new StringReader(csv));
	}

	@Test
	void readsQuotedMultiLineTextsWithTheLineEachRowStartsOn() {
		TrainingFile.Parsed parsed = training("""
				text,category
				"Charged twice, please refund",billing
				"Parcel lost.
				Tracking shows nothing",delivery
				No internet since morning,network
				""");

		assertThat(parsed.examples()).extracting(LabelledExample::reasonKey)
			.containsExactly("billing", "delivery", "network");
		assertThat(parsed.examples().get(1).text()).contains("\n");
		assertThat(parsed.lines()).containsExactly(2, 3, 5);
	}

	@Test
	void refusesTheWholeFileNamingEveryBadRowByItsLine() {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> training("""
				text,category
				fine,billing
				"",billing
				only one field
				no category,
				"""))
			.satisfies(ex -> assertThat(ex.problems()).extracting(InvalidRequestException.Problem::position)
				.containsExactly(3, 4, 5));
	}

	@Test
	void refusesAFileWithFewerThanTwoCategories() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> training("text,category\na,billing\nb,billing\n"))
			.withMessageContaining("at least two categories");
	}

	@Test
	void refusesAWrongHeaderAndAFileWithoutRows() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> training("message,label\na,billing\n"))
			.withMessageContaining("header");
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> training("text,category\n"))
			.withMessageContaining("no rows");
	}

	@Test
	void reportsCategoriesWithFewExamplesWithoutRefusingThem() {
		TrainingFile.Parsed parsed = training("text,category\na,billing\nb,delivery\nc,delivery\n");

		assertThat(parsed.warnings()).hasSize(2).first().asString().contains("'billing' has only 1 example");
	}

	@Test
	void reportsMalformedQuotingFromTheLineItStarts() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> training("text,category\nfine,billing\n\"unclosed,billing\nmore,network\n"))
			.satisfies(ex -> assertThat(ex.problems().get(0).position()).isEqualTo(3));
	}

}

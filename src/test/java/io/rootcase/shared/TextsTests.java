package io.rootcase.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTests {

	@Test
	void aRefusedValueIsQuotedWholeUpToSixtyCharactersAndCutBeyond() {
		assertThat(Texts.quoted("nobody")).isEqualTo("'nobody'");
		assertThat(Texts.quoted("x".repeat(60))).isEqualTo("'" + "x".repeat(60) + "'");
		assertThat(Texts.quoted("x".repeat(5000))).isEqualTo("'" + "x".repeat(57) + "...'");
		assertThat(Texts.quoted(null)).isEqualTo("'null'");
	}

}

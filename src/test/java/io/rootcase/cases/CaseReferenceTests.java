package io.rootcase.cases;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseReferenceTests {

	@Test
	void humanReferencesAreReadWithOrWithoutPrefix() {
		assertThat(CaseReference.parse("RC-1042")).isEqualTo(new CaseReference.ByNumber(1042));
		assertThat(CaseReference.parse(" rc-7 ")).isEqualTo(new CaseReference.ByNumber(7));
		assertThat(CaseReference.parse("1042")).isEqualTo(new CaseReference.ByNumber(1042));
	}

	@Test
	void caseIdsAreAccepted() {
		UUID id = UUID.randomUUID();
		assertThat(CaseReference.parse(id.toString())).isEqualTo(new CaseReference.ById(id));
	}

	@Test
	void anythingElseIsRejected() {
		assertThatThrownBy(() -> CaseReference.parse("case 12")).isInstanceOf(InvalidCaseReferenceException.class)
			.hasMessageContaining("RC-<number>");
	}

}

package io.rootcase.customers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityTests {

	@Test
	void emailIsTrimmedAndLowerCasedSoEverySpellingFindsTheSameCustomer() {
		assertThat(Identity.parse(IdentityKind.EMAIL, "  Ana.Silva@Example.COM ", "US").value())
			.isEqualTo("ana.silva@example.com");
	}

	@Test
	void malformedEmailIsRejected() {
		for (String bad : new String[] { "ana", "ana@", "@example.com", "ana@example", "a b@example.com",
				"ana..b@example.com" }) {
			assertThatThrownBy(() -> Identity.parse(IdentityKind.EMAIL, bad, "US"))
				.isInstanceOf(InvalidIdentityException.class)
				.hasMessageContaining("not an e-mail address");
		}
	}

	@Test
	void phoneNumbersAreNormalisedToE164UsingTheDefaultRegion() {
		assertThat(Identity.parse(IdentityKind.PHONE, "(202) 555-0143", "US").value()).isEqualTo("+12025550143");
		assertThat(Identity.parse(IdentityKind.PHONE, "+1 202 555 0143", "GB").value()).isEqualTo("+12025550143");
		assertThat(Identity.parse(IdentityKind.PHONE, "020 7946 0958", "GB").value()).isEqualTo("+442079460958");
	}

	@Test
	void impossiblePhoneNumbersAreRejected() {
		assertThatThrownBy(() -> Identity.parse(IdentityKind.PHONE, "12", "US"))
			.isInstanceOf(InvalidIdentityException.class);
		assertThatThrownBy(() -> Identity.parse(IdentityKind.PHONE, "call me maybe", "US"))
			.isInstanceOf(InvalidIdentityException.class);
	}

	@Test
	void socialHandlesLoseTheirAtSignAndCase() {
		assertThat(Identity.parse(IdentityKind.SOCIAL_HANDLE, "@Ana_Silva", "US").value()).isEqualTo("ana_silva");
		assertThatThrownBy(() -> Identity.parse(IdentityKind.SOCIAL_HANDLE, "ana silva!", "US"))
			.isInstanceOf(InvalidIdentityException.class);
	}

	@Test
	void accountNumbersAreUpperCasedAndChecked() {
		assertThat(Identity.parse(IdentityKind.ACCOUNT_NUMBER, "nw-0001234", "US").value()).isEqualTo("NW-0001234");
		assertThatThrownBy(() -> Identity.parse(IdentityKind.ACCOUNT_NUMBER, "x!", "US"))
			.isInstanceOf(InvalidIdentityException.class);
	}

	@Test
	void emptyValuesAreRejectedWithTheirKindNamed() {
		assertThatThrownBy(() -> Identity.parse(IdentityKind.ACCOUNT_NUMBER, "  ", "US"))
			.hasMessage("account number is empty");
	}

}

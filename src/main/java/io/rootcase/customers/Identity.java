package io.rootcase.customers;

import java.util.Locale;
import java.util.regex.Pattern;

import io.rootcase.shared.Texts;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * A normalised handle of a customer on a channel. Two spellings of the same address
 * ("Ana@Example.com", "ana@example.com ") are the same identity, so a customer is found
 * however they write it.
 *
 * @param kind what sort of handle this is
 * @param value the normalised value: lower-case e-mail, E.164 phone number, lower-case
 * handle without '@', upper-case account number
 */
public record Identity(IdentityKind kind, String value) {

	static final int MAX_EMAIL_LENGTH = 254;

	// A structural check, not RFC 5322: mail servers accept far less than the RFC allows,
	// and what we need is to reject what cannot be an address, not to parse comments.
	private static final Pattern EMAIL = Pattern.compile(
			"^[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$");

	private static final Pattern SOCIAL_HANDLE = Pattern.compile("^[a-z0-9_.]{1,50}$");

	private static final Pattern ACCOUNT_NUMBER = Pattern.compile("^[A-Z0-9][A-Z0-9-]{3,31}$");

	public Identity {
		if (kind == null || value == null || value.isBlank()) {
			throw new IllegalArgumentException("an identity needs a kind and a value");
		}
	}

	/**
	 * Parses what a customer or a channel gave us.
	 * @param kind the kind of identity
	 * @param raw the value as received
	 * @param defaultPhoneRegion ISO 3166 region for phone numbers written without a
	 * country code
	 * @return the normalised identity
	 * @throws InvalidIdentityException when the value cannot be an identity of that kind
	 */
	public static Identity parse(IdentityKind kind, String raw, String defaultPhoneRegion) {
		String trimmed = raw == null ? "" : raw.strip();
		if (trimmed.isEmpty()) {
			throw new InvalidIdentityException(kind, kindLabel(kind) + " is empty");
		}
		return switch (kind) {
			case EMAIL -> email(trimmed);
			case PHONE -> phone(trimmed, defaultPhoneRegion);
			case SOCIAL_HANDLE -> socialHandle(trimmed);
			case ACCOUNT_NUMBER -> accountNumber(trimmed);
		};
	}

	private static Identity email(String raw) {
		String value = raw.toLowerCase(Locale.ROOT);
		if (value.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(value).matches() || value.contains("..")) {
			throw new InvalidIdentityException(IdentityKind.EMAIL, Texts.quoted(raw) + " is not an e-mail address");
		}
		return new Identity(IdentityKind.EMAIL, value);
	}

	private static Identity phone(String raw, String defaultRegion) {
		PhoneNumberUtil util = PhoneNumberUtil.getInstance();
		try {
			PhoneNumber number = util.parse(raw, defaultRegion);
			if (!util.isPossibleNumber(number)) {
				throw new InvalidIdentityException(IdentityKind.PHONE,
						Texts.quoted(raw) + " is not a possible phone number");
			}
			return new Identity(IdentityKind.PHONE, util.format(number, PhoneNumberFormat.E164));
		}
		catch (NumberParseException ex) {
			throw new InvalidIdentityException(IdentityKind.PHONE, Texts.quoted(raw) + " is not a phone number");
		}
	}

	private static Identity socialHandle(String raw) {
		String value = (raw.startsWith("@") ? raw.substring(1) : raw).toLowerCase(Locale.ROOT);
		if (!SOCIAL_HANDLE.matcher(value).matches()) {
			throw new InvalidIdentityException(IdentityKind.SOCIAL_HANDLE,
					Texts.quoted(raw) + " is not a social handle (letters, digits, '_' and '.', at most 50)");
		}
		return new Identity(IdentityKind.SOCIAL_HANDLE, value);
	}

	private static Identity accountNumber(String raw) {
		String value = raw.toUpperCase(Locale.ROOT);
		if (!ACCOUNT_NUMBER.matcher(value).matches()) {
			throw new InvalidIdentityException(IdentityKind.ACCOUNT_NUMBER,
					Texts.quoted(raw) + " is not an account number (4 to 32 letters, digits and '-')");
		}
		return new Identity(IdentityKind.ACCOUNT_NUMBER, value);
	}

	private static String kindLabel(IdentityKind kind) {
		return Texts.words(kind);
	}

	/**
	 * How strongly this kind pins down one person: an account number is issued by us, a
	 * social handle is the weakest.
	 */
	int strength() {
		return switch (this.kind) {
			case ACCOUNT_NUMBER -> 4;
			case EMAIL -> 3;
			case PHONE -> 2;
			case SOCIAL_HANDLE -> 1;
		};
	}

}

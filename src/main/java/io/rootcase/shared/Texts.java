package io.rootcase.shared;

/**
 * Small text rules every module applies to optional input.
 */
public final class Texts {

	private Texts() {
	}

	/**
	 * An optional text field: blank means absent, and present values lose outer spaces.
	 */
	public static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/**
	 * A base address without its trailing slash, so that paths are appended with one: the
	 * configured public URL may be written either way.
	 */
	public static String baseUrl(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/**
	 * A value a person sent, short enough to quote back in a refusal: a message that
	 * repeats five thousand characters of a mistyped field helps nobody find the mistake.
	 */
	public static String quoted(Object value) {
		String raw = String.valueOf(value);
		return "'" + (raw.length() <= 60 ? raw : raw.substring(0, 57) + "...") + "'";
	}

	/**
	 * An enum constant as words for people: {@code FIX_IN_PROGRESS} reads "fix in
	 * progress".
	 */
	public static String words(Enum<?> value) {
		return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}

}

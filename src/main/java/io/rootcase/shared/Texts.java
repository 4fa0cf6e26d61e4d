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
	 * An enum constant as words for people: {@code FIX_IN_PROGRESS} reads "fix in
	 * progress".
	 */
	public static String words(Enum<?> value) {
		return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}

}

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

}

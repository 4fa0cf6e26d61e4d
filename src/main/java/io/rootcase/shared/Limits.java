package io.rootcase.shared;

/**
 * The page-size check every listing shares.
 */
public final class Limits {

	private Limits() {
	}

	/**
	 * @return the limit, when it is between 1 and {@code max}
	 * @throws IllegalArgumentException otherwise, answered with 400
	 */
	public static int within(int limit, int max) {
		if (limit < 1 || limit > max) {
			throw new IllegalArgumentException("limit must be between 1 and " + max);
		}
		return limit;
	}

	/**
	 * @return the offset into a listing, when it is not negative
	 * @throws IllegalArgumentException otherwise, answered with 400
	 */
	public static long offset(long offset) {
		if (offset < 0) {
			throw new IllegalArgumentException("offset must not be negative");
		}
		return offset;
	}

}

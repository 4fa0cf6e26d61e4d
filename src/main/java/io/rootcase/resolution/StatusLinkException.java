package io.rootcase.resolution;

/**
 * A status link that opens nothing: forged, for another case, or expired. Nothing is
 * changed when one is used.
 */
class StatusLinkException extends RuntimeException {

	private final boolean expired;

	StatusLinkException(boolean expired) {
		super(expired ? "This link has expired. Reply to our last message and we will send you a new one."
				: "This link is not valid. Please use the link from our last message.");
		this.expired = expired;
	}

	boolean expired() {
		return this.expired;
	}

}

package io.rootcase.shared;

import java.util.Locale;

/**
 * Whether a contact came from the customer or went to them.
 */
public enum Direction {

	INBOUND, OUTBOUND;

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Direction fromWireName(String value) {
		for (Direction direction : values()) {
			if (direction.wireName().equalsIgnoreCase(value == null ? "" : value.trim())) {
				return direction;
			}
		}
		throw new IllegalArgumentException("unknown direction '" + value + "'; expected inbound or outbound");
	}

}

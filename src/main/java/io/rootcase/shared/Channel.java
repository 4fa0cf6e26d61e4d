package io.rootcase.shared;

/**
 * The ways a customer reaches us. Every contact, and so every case, belongs to one.
 */
public enum Channel {

	EMAIL, PHONE, CHAT, SOCIAL, WEB;

	/** The lower-case name used on the wire, in CSV files and in the console. */
	public String wireName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static Channel fromWireName(String value) {
		for (Channel channel : values()) {
			if (channel.wireName().equalsIgnoreCase(value == null ? "" : value.trim())) {
				return channel;
			}
		}
		throw new IllegalArgumentException(
				"unknown channel '" + value + "'; expected one of email, phone, chat, social, web");
	}

}

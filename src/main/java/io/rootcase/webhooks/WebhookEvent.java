package io.rootcase.webhooks;

import java.util.Locale;

/** What a webhook can be subscribed to. */
public enum WebhookEvent {

	/** A series started surging: a new alert for managers. */
	SURGE_DETECTED,

	/**
	 * A problem's team told the customers it affects: the recipients with the channel and
	 * address to send the message to.
	 */
	NOTICE_PUBLISHED,

	/**
	 * Rootcase wrote to a customer on a case (a reply, a resolution proposal, a
	 * reminder): the message with the address and channel to send it by.
	 */
	REPLY_SENT,

	/** Sent on request, to check that a subscription works. */
	PING;

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}

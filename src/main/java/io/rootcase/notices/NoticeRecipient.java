package io.rootcase.notices;

import java.util.UUID;

import io.rootcase.shared.Channel;

/**
 * A customer a notice was sent to, and how.
 *
 * @param caseId the customer's case linked to the problem when the notice went out, or
 * {@code null} when they had not contacted us about it: told before they called
 * @param address where it went: the e-mail address, social handle or phone number
 */
public record NoticeRecipient(UUID customerId, UUID caseId, Channel channel, String address) {

	boolean toldBeforeTheyCalled() {
		return this.caseId == null;
	}

}

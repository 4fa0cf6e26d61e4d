package io.rootcase.timeline;

import java.time.Instant;
import java.util.UUID;

import io.rootcase.shared.Channel;

/**
 * One thing that happened with a customer, on any channel.
 *
 * @param kind what sort of event
 * @param direction inbound or outbound, for contacts
 * @param actionKind diagnostic, palliative or curative, for actions
 * @param actor who did it: the customer, an agent's username, an integration, or system
 * @param summary one line for people to read
 * @param text the full text of a contact or action
 */
public record TimelineEntry(Instant occurredAt, Kind kind, Channel channel, UUID caseId, String caseReference,
		String direction, String actionKind, String actor, String summary, String text) {

	public enum Kind {

		// Declared in the order events of the same instant are shown.
		CASE_OPENED, CONTACT, STATUS_CHANGED, ACTION, HANDOVER, CONTACT_MOVED, FOLLOW_UP, NOTICE

	}

}

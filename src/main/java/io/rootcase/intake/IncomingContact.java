package io.rootcase.intake;

import java.time.Instant;
import java.util.Map;

import io.rootcase.customers.IdentityKind;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;

/**
 * A contact as it arrives from a channel, before anything is stored.
 *
 * @param identities the customer's identities as given (raw, not yet normalised)
 * @param customerName the customer's name where the channel knows it
 * @param externalId the channel's own message id; with the channel it makes intake
 * idempotent
 * @param caseReference the case the contact names (RC-number or id), if any
 * @param author the agent who wrote an outbound contact
 */
public record IncomingContact(Channel channel, Direction direction, Instant occurredAt, String text,
		Map<IdentityKind, String> identities, String customerName, String externalId, String caseReference,
		String author) {

	public IncomingContact {
		identities = identities == null ? Map.of() : Map.copyOf(identities);
	}

}

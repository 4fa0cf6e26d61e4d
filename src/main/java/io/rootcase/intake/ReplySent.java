package io.rootcase.intake;

import java.time.Instant;
import java.util.UUID;

import io.rootcase.customers.IdentityKind;
import io.rootcase.shared.Channel;

/**
 * Rootcase wrote to a customer on a case (an agent's reply, a resolution proposal with
 * the status link, a reminder) and it is stored: a gateway now delivers it on the case's
 * channel. Contacts recorded through intake, outbound ones included, were sent by another
 * system already and are not this.
 *
 * @param toKind what {@code to} is: the customer's identity on the case's channel where
 * they have one (chat and web forms are answered by e-mail), else another of theirs
 * @param inReplyTo the channel's message id of the customer's latest message on the case
 * on this channel, so the gateway can thread the answer (an e-mail's In-Reply-To, the
 * chat or social conversation); {@code null} when there is none
 */
public record ReplySent(UUID contactId, UUID caseId, String caseReference, UUID customerId, Channel channel,
		IdentityKind toKind, String to, String inReplyTo, Instant sentAt, String author, String text) {
}

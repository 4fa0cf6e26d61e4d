package io.rootcase.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.rootcase.shared.Dates;
import io.rootcase.shared.Direction;

/**
 * What a contact must satisfy before it is stored. Returns every problem at once, so a
 * sender (or someone fixing an import file) can correct them in one go.
 */
record ContactPolicy(int maxTextLength, Duration futureTolerance) {

	static final int MAX_EXTERNAL_ID = 200;

	static final int MAX_NAME = 200;

	List<Violation> check(IncomingContact contact, Instant now) {
		List<Violation> violations = new ArrayList<>();
		if (contact.channel() == null) {
			violations.add(new Violation("channel", "channel is required: email, phone, chat, social or web"));
		}
		if (contact.direction() == null) {
			violations.add(new Violation("direction", "direction is required: inbound or outbound"));
		}
		if (contact.occurredAt() == null) {
			violations.add(new Violation("occurredAt", "occurredAt is required (ISO-8601 instant)"));
		}
		else if (contact.occurredAt().isBefore(Dates.EARLIEST)) {
			violations.add(new Violation("occurredAt",
					"occurredAt " + contact.occurredAt() + " is before 1970: no contact is that old"));
		}
		else if (contact.occurredAt().isAfter(now.plus(this.futureTolerance))) {
			violations.add(new Violation("occurredAt", "occurredAt " + contact.occurredAt()
					+ " is in the future (more than " + this.futureTolerance.toMinutes() + " minutes ahead)"));
		}
		if (contact.text() == null || contact.text().isBlank()) {
			violations.add(new Violation("text", "text is required"));
		}
		else if (contact.text().length() > this.maxTextLength) {
			violations.add(new Violation("text", "text has " + contact.text().length() + " characters; at most "
					+ this.maxTextLength + " are accepted"));
		}
		if (contact.identities().isEmpty()) {
			violations.add(new Violation("customer",
					"customer needs at least one identity: email, phone, socialHandle or accountNumber"));
		}
		if (contact.externalId() != null
				&& (contact.externalId().isBlank() || contact.externalId().length() > MAX_EXTERNAL_ID)) {
			violations
				.add(new Violation("externalId", "externalId, when given, is 1 to " + MAX_EXTERNAL_ID + " characters"));
		}
		if (contact.customerName() != null && contact.customerName().length() > MAX_NAME) {
			violations.add(new Violation("customer.name", "customer name is at most " + MAX_NAME + " characters"));
		}
		if (contact.direction() == Direction.INBOUND && contact.author() != null) {
			violations.add(new Violation("author", "an inbound contact is written by the customer, not an agent"));
		}
		return violations;
	}

}

package io.rootcase.console;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.rootcase.TestFixtures;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import io.rootcase.staff.Role;
import io.rootcase.staff.Staff;

/**
 * Agents of the follow-up tests' own, each with a case: the demo histories other tests
 * play into the same database leave the demo's agents hundreds of follow-ups.
 */
record FollowUpFixtures(Staff staff, ContactIntake intake) {

	/** A new support agent, who signs in with the tests' password. */
	String newAgent() {
		String agent = "fu-" + UUID.randomUUID().toString().substring(0, 8);
		this.staff.addAgent(agent, "Follow-up Agent", TestFixtures.PASSWORD, Role.AGENT, "support");
		return agent;
	}

	/** The reference of a new case opened by a message from a new customer. */
	String newCase(String text) {
		return this.intake
			.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND, Instant.now(), text,
					Map.of(IdentityKind.EMAIL, "fu-" + UUID.randomUUID() + "@example.com"), null, null, null, null))
			.caseReference();
	}

}

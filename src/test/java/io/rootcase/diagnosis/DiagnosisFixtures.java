package io.rootcase.diagnosis;

import java.time.Instant;
import java.util.Map;

import io.rootcase.customers.CustomerDirectory;
import io.rootcase.customers.IdentityKind;
import io.rootcase.demo.DemoLoader;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactReceipt;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;

/**
 * What diagnosis tests start from: the demo knowledge base, and cases opened by an email
 * from a customer whose attributes the knowledge base reads as answers.
 */
public record DiagnosisFixtures(ContactIntake intake, CustomerDirectory customers) {

	/**
	 * Imports the demo knowledge base unless one is there: the test classes share one
	 * application context and database.
	 */
	public static void demoKnowledgeBase(KnowledgeBases knowledgeBases) {
		if (knowledgeBases.current().isEmpty()) {
			knowledgeBases.importFile(DemoLoader.demoKnowledgeBase(), "test");
		}
	}

	/** The reference of the case the customer's email opened (or joined). */
	public String caseFrom(String email, String name, String text, Instant at, Map<String, String> attributes) {
		ContactReceipt receipt = this.intake.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND, at, text,
				Map.of(IdentityKind.EMAIL, email), name, null, null, null));
		this.customers.describe(receipt.customerId(), attributes);
		return receipt.caseReference();
	}

}

package io.rootcase.reasons;

import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactReceipt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.rootcase.reasons.ContactReasonsTests.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Threading by matter with the real classifier: a customer's contact continues their case
 * on the same reason and opens a new one on another.
 */
@RootcaseIntegrationTest
class MatterThreadingTests {

	@Autowired
	ContactIntake intake;

	@Autowired
	Cases cases;

	@Autowired
	ReasonTaxonomy taxonomy;

	@Autowired
	ContactReasons contactReasons;

	@Autowired
	ReasonModels models;

	@Autowired
	TestClock clock;

	private final String customer = "matter-" + UUID.randomUUID() + "@example.com";

	@BeforeEach
	void trained() {
		TrainedReasons.ensure(this.taxonomy, this.contactReasons, this.models);
	}

	private ContactReceipt send(String text) {
		return this.intake.receive(ContactReasonsTests.email(this.customer, this.clock.instant(), text));
	}

	/** Sends a contact and waits until its case has taken the contact's reason. */
	private ContactReceipt sendAndRead(String text, String reason) {
		ContactReceipt receipt = send(text);
		eventually(() -> this.cases.find(receipt.caseId())
			.map(CaseView::contactReason)
			.filter(reason::equals)
			.orElse(null));
		return receipt;
	}

	private ContactLabel labelOf(ContactReceipt receipt) {
		return ContactReasonsTests.labelOf(this.contactReasons, receipt);
	}

	@Test
	void aContactAboutAnotherMatterOpensACaseOfItsOwnAndOneOnTheSameMatterContinuesIt() {
		ContactReceipt billing = sendAndRead("Hello, I was charged twice on my bill this month, please refund it",
				"billing");

		ContactReceipt delivery = sendAndRead("Hello, where is my delivery? The tracking number shows nothing",
				"delivery");
		ContactReceipt billingAgain = send("The double charge on my bill is still not refunded");

		assertThat(delivery.caseId()).isNotEqualTo(billing.caseId());
		assertThat(delivery.customerId()).isEqualTo(billing.customerId());
		assertThat(billingAgain.caseId()).isEqualTo(billing.caseId());
		assertThat(labelOf(billingAgain).reasonKey()).isEqualTo("billing");
	}

	@Test
	void aContactTheModelCannotReadContinuesTheLastBusyCase() {
		ContactReceipt delivery = sendAndRead("Hello, where is my delivery? The tracking number shows nothing",
				"delivery");

		ContactReceipt offTopic = send("What is the recipe for a good lasagne with spinach?");

		assertThat(offTopic.caseId()).isEqualTo(delivery.caseId());
		assertThat(labelOf(offTopic).state()).isEqualTo(LabelState.UNCLASSIFIED);
		assertThat(this.cases.find(delivery.caseId()).orElseThrow().contactReason()).isEqualTo("delivery");
	}

}

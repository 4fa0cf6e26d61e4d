package io.rootcase.reasons;

import java.util.Map;
import java.util.UUID;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.intake.ContactIntake;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactReceipt;
import io.rootcase.intake.IncomingContact;
import io.rootcase.intake.MergeReceipt;
import io.rootcase.intake.MoveReceipt;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static io.rootcase.reasons.ContactReasonsTests.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A contact an agent moves takes what was made of it (its reason, its meaning, its trend
 * counts) to the case it goes to, and the case it leaves is what its other contacts make
 * it.
 */
@RootcaseIntegrationTest
class MovedContactTests {

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
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	private final String customer = "moved-" + UUID.randomUUID() + "@example.com";

	@BeforeEach
	void trained() {
		TrainedReasons.ensure(this.taxonomy, this.contactReasons, this.models);
	}

	private ContactReceipt send(String text) {
		return this.intake.receive(ContactReasonsTests.email(this.customer, this.clock.instant(), text));
	}

	private String reasonOf(UUID caseId) {
		return this.cases.find(caseId).map(CaseView::contactReason).orElse(null);
	}

	/** The case and reason a contact is counted under in the trend series. */
	private String countedAs(UUID contactId) {
		return this.jdbc.sql("select case_id, reason_key from trend_contacts where contact_id = ?")
			.param(contactId)
			.query((rs, n) -> rs.getString("case_id") + " " + rs.getString("reason_key"))
			.optional()
			.orElse(null);
	}

	private boolean hasMeaning(UUID caseId) {
		return this.jdbc.sql("select count(*) from case_vectors where case_id = ?")
			.param(caseId)
			.query(Long.class)
			.single() > 0;
	}

	@Test
	void aReasonedContactMovedOutTakesItsReasonAndCountsAlongAndItsOldCaseLosesTheReasonItGave() {
		ContactReceipt offTopic = send("What is the recipe for a good lasagne with spinach?");
		eventually(() -> ContactReasonsTests.labelOf(this.contactReasons, offTopic));
		// The old case had no reason, so threading put the billing message on it.
		ContactReceipt billing = send("Hello, I was charged twice on my bill this month, please refund it");
		assertThat(billing.caseId()).isEqualTo(offTopic.caseId());
		eventually(() -> "billing".equals(reasonOf(offTopic.caseId())) ? true : null);
		eventually(() -> countedAs(offTopic.contactId()) != null && countedAs(offTopic.contactId()).endsWith("billing")
				? true : null);

		MoveReceipt moved = this.intake.move(billing.contactId(), null, "a billing matter", "alice");

		UUID opened = moved.caseId();
		eventually(() -> "billing".equals(reasonOf(opened)) ? true : null);
		eventually(() -> reasonOf(offTopic.caseId()) == null ? true : null);
		eventually(() -> (opened + " billing").equals(countedAs(billing.contactId())) ? true : null);
		eventually(() -> (offTopic.caseId() + " null").equals(countedAs(offTopic.contactId())) ? true : null);
		assertThat(this.cases.find(opened).orElseThrow().contactReasonSource())
			.isEqualTo(io.rootcase.cases.ReasonSource.PREDICTED);
		assertThat(this.contactReasons.labelsOfCase(opened)).extracting(ContactLabel::contactId)
			.containsExactly(billing.contactId());
		assertThat(this.contactReasons.labelsOfCase(offTopic.caseId())).extracting(ContactLabel::contactId)
			.containsExactly(offTopic.contactId());
		assertThat(hasMeaning(opened)).isTrue();
		assertThat(hasMeaning(offTopic.caseId())).isTrue();
	}

	@Test
	void theCasePageSaysWhichContactReadsAsAnotherMatterAndOffersToMoveIt() throws Exception {
		ContactReceipt billing = send("Hello, I was charged twice on my bill this month, please refund it");
		eventually(() -> "billing".equals(reasonOf(billing.caseId())) ? true : null);
		// The customer answers the old thread about something else: the reference keeps
		// it
		// on the case, and the case now reads as what came last.
		ContactReceipt delivery = this.intake.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND,
				this.clock.instant(), "Hello, where is my delivery? The tracking number shows nothing",
				Map.of(IdentityKind.EMAIL, this.customer), null, null, billing.caseReference(), null));
		eventually(() -> "delivery".equals(reasonOf(billing.caseId())) ? true : null);

		String page = this.mvc.perform(get("/cases/" + billing.caseReference()).with(user("alice").roles("AGENT")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).containsOnlyOnce("class=\"hint other-matter\"")
			.contains("Reads as <strong>Billing</strong>")
			.contains("not this case's <strong>Delivery</strong>")
			.containsPattern("id=\"move-contact-" + billing.contactId() + "\"[^>]*open")
			.doesNotContainPattern("id=\"move-contact-" + delivery.contactId() + "\"[^>]*open");
	}

	@Test
	void theCaseAContactLeavesKeepsTheReasonItsOtherContactsGiveIt() {
		ContactReceipt first = send("Hello, I was charged twice on my bill this month, please refund it");
		eventually(() -> "billing".equals(reasonOf(first.caseId())) ? true : null);
		ContactReceipt second = send("The double charge on my bill is still not refunded");
		assertThat(second.caseId()).isEqualTo(first.caseId());
		eventually(() -> ContactReasonsTests.labelOf(this.contactReasons, second));

		MoveReceipt moved = this.intake.move(second.contactId(), null, null, "alice");

		eventually(() -> "billing".equals(reasonOf(moved.caseId())) ? true : null);
		eventually(() -> (moved.caseId() + " billing").equals(countedAs(second.contactId())) ? true : null);
		assertThat(reasonOf(first.caseId())).isEqualTo("billing");
		assertThat(countedAs(first.contactId())).isEqualTo(first.caseId() + " billing");
	}

	@Test
	void aMergedCasesContactsTakeTheirLabelsAndCountsAlongAndTheCaseKeepsItsNewestContactsReason() {
		ContactReceipt billing = send("Hello, I was charged twice on my bill this month, please refund it");
		eventually(() -> "billing".equals(reasonOf(billing.caseId())) ? true : null);
		ContactReceipt delivery = send("Hello, where is my delivery? The tracking number shows nothing");
		assertThat(delivery.caseId()).isNotEqualTo(billing.caseId());
		eventually(() -> "delivery".equals(reasonOf(delivery.caseId())) ? true : null);
		eventually(() -> countedAs(billing.contactId()) != null ? true : null);

		MergeReceipt merged = this.intake.merge(billing.caseReference(), delivery.caseReference(),
				"the charge is for the parcel that never came", "alice");

		assertThat(merged.contactsMoved()).isEqualTo(1);
		eventually(() -> (delivery.caseId() + " delivery").equals(countedAs(billing.contactId())) ? true : null);
		eventually(() -> reasonOf(billing.caseId()) == null ? true : null);
		assertThat(this.contactReasons.labelsOfCase(delivery.caseId())).extracting(ContactLabel::contactId)
			.containsExactly(billing.contactId(), delivery.contactId());
		// The billing message was older than the delivery case's own, so it did not
		// change what the case is about.
		assertThat(reasonOf(delivery.caseId())).isEqualTo("delivery");
		assertThat(hasMeaning(billing.caseId())).isFalse();
	}

}

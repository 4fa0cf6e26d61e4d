package io.rootcase.reasons;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.micrometer.core.instrument.MeterRegistry;
import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.cases.ActionKind;
import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.cases.ReasonSource;
import io.rootcase.cases.RootCauseState;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactReceipt;
import io.rootcase.intake.IncomingContact;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static io.rootcase.reasons.ReasonTaxonomyApiTests.asAgent;
import static io.rootcase.reasons.ReasonTaxonomyApiTests.asManager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RootcaseIntegrationTest
class ContactReasonsTests {

	@Autowired
	MockMvc mvc;

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

	@Autowired
	ModelRepository modelRepository;

	@Autowired
	SentenceEncoder encoder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void trained() {
		TrainedReasons.ensure(this.taxonomy, this.contactReasons, this.models);
	}

	ContactReceipt send(String text) {
		return this.intake.receive(email("cr-" + UUID.randomUUID() + "@example.com", this.clock.instant(), text));
	}

	/** An inbound e-mail from the customer at that address, threaded by Rootcase. */
	static IncomingContact email(String address, Instant at, String text) {
		return new IncomingContact(Channel.EMAIL, Direction.INBOUND, at, text, Map.of(IdentityKind.EMAIL, address),
				null, null, null, null);
	}

	ContactLabel labelOf(ContactReceipt receipt) {
		return labelOf(this.contactReasons, receipt);
	}

	/** A contact's label, once the reading after intake has written it. */
	static ContactLabel labelOf(ContactReasons contactReasons, ContactReceipt receipt) {
		return eventually(() -> contactReasons.labelsOfCase(receipt.caseId())
			.stream()
			.filter(l -> l.contactId().equals(receipt.contactId()))
			.findFirst()
			.orElse(null));
	}

	static <T> T eventually(Callable<T> probe) {
		return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(probe, v -> v != null);
	}

	@Test
	void anInboundContactGetsAPredictedReasonWithAConfidenceAndItsCaseTakesIt() {
		ContactReceipt receipt = send("Hello, I was charged twice on my bill this month, please refund it");

		ContactLabel label = labelOf(receipt);

		assertThat(label.state()).isEqualTo(LabelState.PREDICTED);
		assertThat(label.reasonKey()).isEqualTo("billing");
		assertThat(label.confidence()).isBetween(0.0, 1.0);
		assertThat(label.modelVersion()).isNotNull();
		CaseView c = eventually(
				() -> this.cases.find(receipt.caseId()).filter(v -> v.contactReason() != null).orElse(null));
		assertThat(c.contactReason()).isEqualTo("billing");
		assertThat(c.contactReasonSource()).isEqualTo(ReasonSource.PREDICTED);
	}

	@Test
	void aMessageAboutNothingTheModelKnowsWaitsInTriage() throws Exception {
		ContactReceipt receipt = send("What is the recipe for a good lasagne with spinach?");

		ContactLabel label = labelOf(receipt);

		assertThat(label.state()).isEqualTo(LabelState.UNCLASSIFIED);
		assertThat(label.doubt()).isEqualTo(Doubt.OUT_OF_SCOPE);
		assertThat(triageRow(receipt)).contains("far from every reason")
			.as("no reason is chosen for the agent")
			.doesNotContain("selected");
		assertThat(this.contactReasons.triage(500)).anySatisfy(t -> {
			assertThat(t.label().contactId()).isEqualTo(receipt.contactId());
			assertThat(t.caseReference()).isEqualTo(receipt.caseReference());
		});
		this.mvc.perform(asAgent(get("/api/reasons/triage?limit=500")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.label.contactId == '" + receipt.contactId() + "')].label.doubt",
					org.hamcrest.Matchers.hasItem("out_of_scope")));
	}

	@Test
	void veryLongAndBlankLookingMessagesAreStoredAndGetAPredictionOrTriage() {
		ContactReceipt longOne = send("my parcel has not arrived ".repeat(3000));
		ContactReceipt symbols = send("???");

		assertThat(labelOf(longOne).state()).isIn(LabelState.PREDICTED, LabelState.UNCLASSIFIED);
		assertThat(labelOf(longOne).text()).hasSizeLessThanOrEqualTo(ReasonClassifier.MAX_CHARS);
		assertThat(labelOf(symbols).state()).isIn(LabelState.PREDICTED, LabelState.UNCLASSIFIED);
	}

	@Test
	void anAgentsCorrectionBecomesTrainingDataAndLaterPredictionsLeaveTheCaseAlone() throws Exception {
		ContactReceipt receipt = send("Hello, where is my delivery? The tracking number shows nothing");
		ContactLabel predicted = labelOf(receipt);

		this.mvc.perform(asAgent(put("/api/contacts/" + receipt.contactId() + "/reason")).content("""
				{"reasonKey":"network"}"""))
			.andExpect(status().isOk())
			.andExpect(
					jsonPath("$.state").value("network".equals(predicted.predictedKey()) ? "confirmed" : "corrected"))
			.andExpect(jsonPath("$.reasonKey").value("network"))
			.andExpect(jsonPath("$.labelledBy").value("api:test agent integration"));

		assertThat(this.contactReasons.examples(ExampleSource.CORRECTED, 500, 0))
			.anySatisfy(e -> assertThat(e.contactId()).isEqualTo(receipt.contactId()));
		CaseView c = this.cases.find(receipt.caseId()).orElseThrow();
		assertThat(c.contactReason()).isEqualTo("network");
		assertThat(c.contactReasonSource()).isEqualTo(ReasonSource.AGENT);

		this.cases.reasonPredicted(receipt.caseId(), "billing");
		assertThat(this.cases.find(receipt.caseId()).orElseThrow().contactReason()).isEqualTo("network");
	}

	@Test
	void labellingWithAnUnknownOrRetiredReasonIsRefused() throws Exception {
		ContactReceipt receipt = send("the broadband is very slow at night");
		labelOf(receipt);

		this.mvc.perform(asAgent(put("/api/contacts/" + receipt.contactId() + "/reason")).content("""
				{"reasonKey":"no_such_reason"}""")).andExpect(status().isBadRequest());
		this.mvc.perform(asAgent(put("/api/cases/" + receipt.caseReference() + "/reason")).content("""
				{"reasonKey":""}""")).andExpect(status().isBadRequest());
		this.mvc.perform(asAgent(put("/api/contacts/" + UUID.randomUUID() + "/reason")).content("""
				{"reasonKey":"network"}""")).andExpect(status().isNotFound());
	}

	@Test
	void anAgentSetsTheCaseReasonAndTheOpeningMessageIsLabelledWithIt() throws Exception {
		ContactReceipt receipt = send("wifi keeps disconnecting every few minutes, please help");
		labelOf(receipt);

		this.mvc.perform(asAgent(put("/api/cases/" + receipt.caseReference() + "/reason")).content("""
				{"reasonKey":"network"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.contactReason").value("network"))
			.andExpect(jsonPath("$.contactReasonSource").value("agent"));

		assertThat(this.contactReasons.labelOf(receipt.contactId()).state()).isIn(LabelState.CONFIRMED,
				LabelState.CORRECTED);
	}

	@Test
	void similarPastCasesAreFoundByMeaningWithTheirRootCauseAndTheFixThatWorked() throws Exception {
		ContactReceipt earlier = send("My internet connection keeps dropping out every evening");
		labelOf(earlier);
		this.cases.recordRootCause(earlier.caseReference(), RootCauseState.KNOWN, "router_firmware_watchdog");
		this.cases.recordAction(earlier.caseReference(), ActionKind.CURATIVE, "Upgraded the router firmware", 20,
				"router_firmware_watchdog", "Upgrade router firmware", "alice", this.clock.instant());
		ContactReceipt unrelated = send("I would like to change the name on my invoice");
		labelOf(unrelated);
		this.cases.recordRootCause(unrelated.caseReference(), RootCauseState.KNOWN, "addon_added_in_error");
		ContactReceipt now = send("Each night around 8pm the web stops working for a while");
		labelOf(now);

		String earlierCase = "$[?(@.reference == '" + earlier.caseReference() + "')]";
		this.mvc.perform(asAgent(get("/api/cases/" + now.caseReference() + "/similar?limit=50")))
			.andExpect(status().isOk())
			.andExpect(jsonPath(earlierCase + ".rootCauseKey").value("router_firmware_watchdog"))
			.andExpect(jsonPath(earlierCase + ".fixThatWorked").value("Upgrade router firmware"))
			.andExpect(jsonPath("$[?(@.reference == '" + unrelated.caseReference() + "')]").doesNotExist());
	}

	@Test
	void retrainingRunsInTheBackgroundWhileIntakeGoesOnAndAnEarlierVersionCanBeMadeLiveAgain() throws Exception {
		int before = this.models.live().orElseThrow().version();

		this.mvc.perform(asManager(post("/api/reasons/models")))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("training"));
		ContactReceipt during = send("my parcel has not arrived yet");
		assertThat(during.caseReference()).isNotBlank();
		ModelVersion trained = await().atMost(Duration.ofSeconds(60))
			.until(() -> this.models.versions().get(0), v -> v.status() != ModelStatus.TRAINING);
		assertThat(trained.status()).isIn(ModelStatus.LIVE, ModelStatus.REJECTED);
		assertThat(trained.accuracy()).isNotNull();
		assertThat(trained.evaluatedOn()).isPositive();

		this.mvc.perform(asManager(post("/api/reasons/models/" + before + "/activate")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("live"));
		assertThat(this.models.live().orElseThrow().version()).isEqualTo(before);
		assertThat(this.models.versions()).filteredOn(v -> v.status() == ModelStatus.LIVE).hasSize(1);
		this.mvc.perform(asAgent(post("/api/reasons/models"))).andExpect(status().isForbidden());
		this.mvc.perform(asManager(post("/api/reasons/models/9999/activate"))).andExpect(status().isNotFound());
	}

	@Test
	void aModelTrainedOnAnotherSentenceEncoderIsNeitherUsedNorMadeLiveAgainAndIsReplacedAtStart() throws Exception {
		int current = this.models.live().orElseThrow().version();
		int stale = this.modelRepository.start("an upgrade", "an-older-encoder", this.clock.instant());
		this.modelRepository.finish(stale, ModelStatus.REJECTED, new ReasonEvaluation(10, 0.9, 0.9, 0, 0.9, 0, null),
				100, 3, 0.4, null, null, this.modelRepository.model(current).orElseThrow(), this.clock.instant());

		this.mvc.perform(asManager(post("/api/reasons/models/" + stale + "/activate")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("an-older-encoder")));
		assertThat(this.models.live().orElseThrow().version()).isEqualTo(current);

		// As a database upgraded from a release that encoded with another model.
		this.modelRepository.retireLive();
		this.modelRepository.setStatus(stale, ModelStatus.LIVE);
		assertThat(this.models.live()).isEmpty();
		ContactReceipt waiting = send("I was charged twice on my bill this month");
		assertThat(labelOf(waiting).state()).isEqualTo(LabelState.UNCLASSIFIED);

		this.models.loadLiveModel();

		ReasonModels.LiveModel replacement = eventually(() -> this.models.live().orElse(null));
		assertThat(replacement.version()).isGreaterThan(stale);
		assertThat(this.models.version(replacement.version()).encoder()).isEqualTo(this.encoder.name());
		assertThat(this.models.version(replacement.version()).requestedBy()).isEqualTo("encoder change");
		assertThat(readByAModel(waiting).modelVersion()).isEqualTo(replacement.version());
	}

	@Test
	void contactsThatCameWhileNoModelCouldReadThemAreReadWhenOneGoesLive() throws Exception {
		int current = this.models.live().orElseThrow().version();
		this.modelRepository.retireLive();
		ContactReceipt billing = send("Hello, I was charged twice on my bill this month, please refund it");
		ContactReceipt offTopic = send("What is the recipe for a good lasagne with spinach?");
		ContactReceipt labelledMeanwhile = send("Hello, where is my delivery? The tracking number shows nothing");
		ContactLabel waiting = labelOf(billing);
		assertThat(waiting.state()).isEqualTo(LabelState.UNCLASSIFIED);
		assertThat(waiting.modelVersion()).isNull();
		assertThat(waiting.doubt()).isEqualTo(Doubt.NOT_READ);
		assertThat(labelOf(offTopic).modelVersion()).isNull();
		this.contactReasons.label(labelOf(labelledMeanwhile).contactId(), "delivery", "alice");
		assertThat(triageRow(billing)).contains("not read yet");
		assertThat(gauge("rootcase.reasons.model.usable")).isZero();
		assertThat(gauge("rootcase.reasons.unread")).isGreaterThanOrEqualTo(2);

		this.models.activate(current);

		ContactLabel read = readByAModel(billing);
		assertThat(gauge("rootcase.reasons.model.usable")).isEqualTo(1);
		assertThat(read.modelVersion()).isEqualTo(current);
		assertThat(read.state()).isEqualTo(LabelState.PREDICTED);
		assertThat(read.reasonKey()).isEqualTo("billing");
		assertThat(read.doubt()).isNull();
		assertThat(read.predictedAt()).isEqualTo(waiting.predictedAt());
		CaseView c = eventually(
				() -> this.cases.find(billing.caseId()).filter(v -> v.contactReason() != null).orElse(null));
		assertThat(c.contactReason()).isEqualTo("billing");
		assertThat(c.contactReasonSource()).isEqualTo(ReasonSource.PREDICTED);
		ContactLabel stillOffTopic = readByAModel(offTopic);
		assertThat(stillOffTopic.state()).isEqualTo(LabelState.UNCLASSIFIED);
		assertThat(stillOffTopic.doubt()).isEqualTo(Doubt.OUT_OF_SCOPE);
		assertThat(this.contactReasons.triage(500))
			.anySatisfy(t -> assertThat(t.label().contactId()).isEqualTo(offTopic.contactId()));
		assertThat(triageRow(offTopic)).doesNotContain("not read yet");
		ContactLabel byAgent = this.contactReasons.labelOf(labelledMeanwhile.contactId());
		assertThat(byAgent.reasonKey()).isEqualTo("delivery");
		assertThat(byAgent.labelledBy()).isEqualTo("alice");
		assertThat(byAgent.modelVersion()).isNull();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc
				.sql("select count(*) from event_publication where event_type like '%ReasonModelWentLive'")
				.query(Long.class)
				.single() == 0);
	}

	double gauge(String name) {
		return this.meters.get(name).gauge().value();
	}

	@Test
	void aContactThatMissedTheReadingWhenTheModelWentLiveIsReadLater() {
		int current = this.models.live().orElseThrow().version();
		this.modelRepository.retireLive();
		ContactReceipt missed = send("Hello, I was charged twice on my bill this month, please refund it");
		assertThat(labelOf(missed).modelVersion()).isNull();
		// As when another node made the model live a moment before this contact's
		// reading found none.
		this.modelRepository.setStatus(current, ModelStatus.LIVE);
		assertThat(this.contactReasons.labelOf(missed.contactId()).modelVersion()).isNull();

		assertThat(this.contactReasons.readUnread()).isGreaterThanOrEqualTo(1);

		ContactLabel read = this.contactReasons.labelOf(missed.contactId());
		assertThat(read.modelVersion()).isEqualTo(current);
		assertThat(read.reasonKey()).isEqualTo("billing");
		assertThat(this.contactReasons.readUnread()).isZero();
	}

	/** The contact's row on the console's triage page. */
	String triageRow(ContactReceipt receipt) throws Exception {
		String page = this.mvc.perform(get("/triage").with(user("alice").roles("AGENT")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int row = page.indexOf("id=\"triage-" + receipt.contactId() + "\"");
		assertThat(row).as("the contact is on the triage page").isNotNegative();
		return page.substring(row, page.indexOf("</tr>", row));
	}

	ContactLabel readByAModel(ContactReceipt receipt) {
		return eventually(() -> {
			ContactLabel label = this.contactReasons.labelOf(receipt.contactId());
			return label.modelVersion() == null ? null : label;
		});
	}

}

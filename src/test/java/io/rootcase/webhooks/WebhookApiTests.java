package io.rootcase.webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.TestFixtures;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactReceipt;
import io.rootcase.intake.IncomingContact;
import io.rootcase.notices.Notices;
import io.rootcase.problems.Problems;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import io.rootcase.trends.SurgeDetected;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An admin subscribes a receiver (a real HTTP server in the test) to events; it gets each
 * event signed, again after it failed, and nothing once the subscription is removed.
 */
@RootcaseIntegrationTest
class WebhookApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Webhooks webhooks;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TestClock clock;

	@Autowired
	ContactIntake intake;

	@Autowired
	Problems problems;

	@Autowired
	Notices notices;

	HttpServer receiver;

	final List<Received> received = new CopyOnWriteArrayList<>();

	/** The status the receiver answers with next. */
	final AtomicInteger answer = new AtomicInteger(204);

	/** Done while the receiver holds a delivery, before it answers. */
	volatile Runnable whileReceiving = () -> {
	};

	record Received(Map<String, String> headers, String body) {
	}

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hook", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Map<String, String> headers = new java.util.HashMap<>();
			exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
			this.received.add(new Received(headers, body));
			this.whileReceiving.run();
			exchange.sendResponseHeaders(this.answer.get(), -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.webhooks.subscriptions()
			.stream()
			.filter(s -> s.removedAt() == null)
			.forEach(s -> this.webhooks.remove(s.id()));
		this.receiver.stop(0);
	}

	String hookUrl() {
		return "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hook";
	}

	static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	ResultActions asAdmin(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.header("Authorization", "Bearer " + TestFixtures.ADMIN_TOKEN));
	}

	/** Subscribes the receiver; answers the subscription's id and secret. */
	String[] subscribe(String events) throws Exception {
		String body = asAdmin(json(post("/api/admin/webhooks"), """
				{"url":"%s","events":[%s]}""".formatted(hookUrl(), events))).andExpect(status().isCreated())
			.andExpect(jsonPath("$.subscription.url").value(hookUrl()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new String[] { JsonPath.read(body, "$.subscription.id"), JsonPath.read(body, "$.secret") };
	}

	void surge() {
		this.transactions.executeWithoutResult(tx -> this.events.publishEvent(new SurgeDetected(UUID.randomUUID(),
				"reason:billing", "Billing: charged twice", this.clock.instant(), 40, 6.5)));
	}

	List<Object> deliveries(String subscription) throws Exception {
		return JsonPath.read(asAdmin(get("/api/admin/webhooks/" + subscription + "/deliveries")).andReturn()
			.getResponse()
			.getContentAsString(), "$");
	}

	@Test
	void aSurgeReachesTheReceiverSignedWithTheSubscriptionsSecret() throws Exception {
		String[] subscription = subscribe("\"surge_detected\"");
		surge();
		await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(subscription[0]).size() == 1);
		assertThat(this.webhooks.deliverDue()).isPositive();

		assertThat(this.received).hasSize(1);
		Received got = this.received.get(0);
		assertThat(got.headers()).containsEntry("x-rootcase-event", "surge_detected")
			.containsEntry("content-type", "application/json");
		String timestamp = got.headers().get("x-rootcase-timestamp");
		assertThat(got.headers().get("x-rootcase-signature"))
			.isEqualTo(WebhookSignature.sign(subscription[1], Long.parseLong(timestamp), got.body()));
		assertThat((String) JsonPath.read(got.body(), "$.event")).isEqualTo("surge_detected");
		assertThat((String) JsonPath.read(got.body(), "$.data.label")).isEqualTo("Billing: charged twice");
		assertThat((String) JsonPath.read(got.body(), "$.data.consoleUrl")).contains("/trends/alerts/");
		assertThat(got.headers().get("x-rootcase-delivery"))
			.isEqualTo(JsonPath.read(deliveries(subscription[0]).get(0), "$.id"));
		asAdmin(get("/api/admin/webhooks/" + subscription[0] + "/deliveries"))
			.andExpect(jsonPath("$[0].state").value("delivered"))
			.andExpect(jsonPath("$[0].attempts").value(1))
			.andExpect(jsonPath("$[0].lastStatus").value(204));
	}

	@Test
	void aReceiverThatFailsGetsTheDeliveryAgainAMinuteLaterAndNotBefore() throws Exception {
		String[] subscription = subscribe("\"surge_detected\"");
		this.answer.set(503);
		asAdmin(post("/api/admin/webhooks/" + subscription[0] + "/ping")).andExpect(status().isAccepted())
			.andExpect(jsonPath("$.event").value("ping"))
			.andExpect(jsonPath("$.state").value("pending"));
		this.webhooks.deliverDue();
		asAdmin(get("/api/admin/webhooks/" + subscription[0] + "/deliveries"))
			.andExpect(jsonPath("$[0].state").value("pending"))
			.andExpect(jsonPath("$[0].attempts").value(1))
			.andExpect(jsonPath("$[0].lastStatus").value(503))
			.andExpect(jsonPath("$[0].lastError").value(containsString("503")));

		this.answer.set(200);
		this.webhooks.deliverDue();
		assertThat(this.received).hasSize(1);
		this.clock.advance(Duration.ofMinutes(1));
		this.webhooks.deliverDue();
		assertThat(this.received).hasSize(2);
		assertThat(this.received.get(1).body()).isEqualTo(this.received.get(0).body());
		asAdmin(get("/api/admin/webhooks/" + subscription[0] + "/deliveries"))
			.andExpect(jsonPath("$[0].state").value("delivered"))
			.andExpect(jsonPath("$[0].attempts").value(2));
	}

	@Test
	void aNoticeToAffectedCustomersReachesItsSubscribersWithTheRecipients() throws Exception {
		String[] subscription = subscribe("\"notice_published\"");
		String email = "hook-" + UUID.randomUUID() + "@example.com";
		ContactReceipt contact = this.intake
			.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND, this.clock.instant().minusSeconds(600),
					"Charged twice", Map.of(IdentityKind.EMAIL, email), null, null, null, null));
		Problems.Actor maria = new Problems.Actor("maria", true);
		String problem = this.problems
			.open(new Problems.ProblemForm("Upgrades are charged twice", null, "finance", null, null, null, null, null,
					null, null, null), maria)
			.reference();
		this.problems.link(problem, List.of(contact.caseReference()));
		// Another receiver takes surges: once it has one, the surge was heard.
		UUID surges = this.webhooks
			.subscribe(hookUrl().replace("/hook", "/surges"), java.util.Set.of(WebhookEvent.SURGE_DETECTED), "root")
			.subscription()
			.id();
		this.notices.publish(problem, "We know about the double charge.", maria);
		surge();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> deliveries(subscription[0]).size() == 1 && deliveries(surges.toString()).size() == 1);
		this.webhooks.deliverDue();

		List<Received> notices = this.received.stream()
			.filter(r -> "notice_published".equals(r.headers().get("x-rootcase-event")))
			.toList();
		assertThat(notices).hasSize(1);
		String body = notices.get(0).body();
		assertThat((String) JsonPath.read(body, "$.data.problemReference")).isEqualTo(problem);
		assertThat((String) JsonPath.read(body, "$.data.message")).isEqualTo("We know about the double charge.");
		assertThat((Integer) JsonPath.read(body, "$.data.recipientCount")).isEqualTo(1);
		assertThat(body).doesNotContain(email);
		// The gateway reads whom to send it to from the API, with its token.
		String recipients = JsonPath.read(body, "$.data.recipientsUrl");
		assertThat(recipients).startsWith("http://localhost:8080/api/problems/" + problem + "/notices/");
		this.mvc
			.perform(get(recipients.substring("http://localhost:8080".length())).header("Authorization",
					"Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].address").value(email))
			.andExpect(jsonPath("$[0].channel").value("email"));
		assertThat((String) JsonPath.read(body, "$.data.followUrl")).contains("/known-issues/");
		// Not subscribed to surges: only the notice came.
		assertThat(this.received).hasSize(1);
	}

	@Test
	void aReplyReachesTheGatewayWithTheAddressToSendItToAndTheMessageItAnswers() throws Exception {
		String[] subscription = subscribe("\"reply_sent\"");
		String email = "reply-" + UUID.randomUUID() + "@example.com";
		String asked = "msg-" + UUID.randomUUID();
		ContactReceipt question = this.intake
			.receive(new IncomingContact(Channel.EMAIL, Direction.INBOUND, this.clock.instant().minusSeconds(600),
					"Charged twice", Map.of(IdentityKind.EMAIL, email), null, asked, null, null));
		// Recorded as sent by another system already: nothing for the gateway to send.
		this.intake.receive(new IncomingContact(Channel.EMAIL, Direction.OUTBOUND,
				this.clock.instant().minusSeconds(300), "We got your message", Map.of(IdentityKind.EMAIL, email), null,
				null, question.caseReference(), "crm"));

		String answer = this.mvc
			.perform(json(post("/api/cases/" + question.caseReference() + "/replies"), """
					{"text":"We refunded the second charge."}""").header("Authorization",
					"Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.caseReference").value(question.caseReference()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(subscription[0]).size() == 1);
		this.webhooks.deliverDue();

		assertThat(this.received).hasSize(1);
		String body = this.received.get(0).body();
		assertThat(this.received.get(0).headers()).containsEntry("x-rootcase-event", "reply_sent");
		assertThat((String) JsonPath.read(body, "$.data.contactId")).isEqualTo(JsonPath.read(answer, "$.contactId"));
		assertThat((String) JsonPath.read(body, "$.data.caseReference")).isEqualTo(question.caseReference());
		assertThat((String) JsonPath.read(body, "$.data.channel")).isEqualTo("email");
		assertThat((String) JsonPath.read(body, "$.data.to.kind")).isEqualTo("email");
		assertThat((String) JsonPath.read(body, "$.data.to.value")).isEqualTo(email);
		assertThat((String) JsonPath.read(body, "$.data.inReplyTo")).isEqualTo(asked);
		assertThat((String) JsonPath.read(body, "$.data.text")).isEqualTo("We refunded the second charge.");
		assertThat((String) JsonPath.read(body, "$.data.caseUrl")).endsWith("/cases/" + question.caseReference());

		// A resolution proposal goes out the same way, with the customer's status link.
		this.mvc.perform(json(post("/api/cases/" + question.caseReference() + "/resolution"), """
				{"note":"The second charge is refunded."}""").header("Authorization",
				"Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().is2xxSuccessful());
		await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(subscription[0]).size() == 2);
		this.webhooks.deliverDue();
		assertThat((String) JsonPath.read(this.received.get(1).body(), "$.data.text"))
			.contains("The second charge is refunded.")
			.contains("/status/" + question.caseReference() + "/");
	}

	@Test
	void aReplyWithoutTextOrToACaseThatDoesNotExistIsRefusedAndNothingIsSent() throws Exception {
		String[] subscription = subscribe("\"reply_sent\"");
		ContactReceipt question = this.intake.receive(new IncomingContact(Channel.CHAT, Direction.INBOUND,
				this.clock.instant().minusSeconds(60), "Where is my router?",
				Map.of(IdentityKind.EMAIL, "reply-" + UUID.randomUUID() + "@example.com"), null, null, null, null));
		String replies = "/api/cases/" + question.caseReference() + "/replies";

		this.mvc.perform(json(post(replies), """
				{"text":"  "}""").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
		this.mvc
			.perform(json(post(replies), """
					{"text":"Soon","cc":"boss@example.com"}""").header("Authorization",
					"Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isBadRequest());
		this.mvc.perform(json(post("/api/cases/RC-999999999/replies"), """
				{"text":"Soon"}""").header("Authorization", "Bearer " + TestFixtures.AGENT_TOKEN))
			.andExpect(status().isNotFound());
		this.mvc.perform(json(post(replies), """
				{"text":"Soon"}""")).andExpect(status().isUnauthorized());

		assertThat(this.intake.ofCase(question.caseId())).hasSize(1);
		assertThat(deliveries(subscription[0])).isEmpty();
	}

	@Test
	void aReceiverNobodyRunsIsTriedAgainAndTheDeliverySaysWhy() throws Exception {
		String[] subscription = subscribe("\"surge_detected\"");
		this.receiver.stop(0);
		asAdmin(post("/api/admin/webhooks/" + subscription[0] + "/ping")).andExpect(status().isAccepted());
		this.webhooks.deliverDue();
		asAdmin(get("/api/admin/webhooks/" + subscription[0] + "/deliveries"))
			.andExpect(jsonPath("$[0].state").value("pending"))
			.andExpect(jsonPath("$[0].lastStatus").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(
					jsonPath("$[0].lastError").value("could not connect: nothing takes connections at that address"));
	}

	@Test
	void aRemovedSubscriptionGetsNothingMoreAndWhatWaitedIsGivenUp() throws Exception {
		String[] subscription = subscribe("\"surge_detected\", \"notice_published\"");
		this.answer.set(500);
		asAdmin(post("/api/admin/webhooks/" + subscription[0] + "/ping")).andExpect(status().isAccepted());
		this.webhooks.deliverDue();
		asAdmin(delete("/api/admin/webhooks/" + subscription[0])).andExpect(status().isOk())
			.andExpect(jsonPath("$.removedAt").isNotEmpty());
		asAdmin(get("/api/admin/webhooks/" + subscription[0] + "/deliveries"))
			.andExpect(jsonPath("$[0].state").value("failed"))
			.andExpect(jsonPath("$[0].lastError").value(containsString("removed")));
		surge();
		this.clock.advance(Duration.ofHours(2));
		this.webhooks.deliverDue();
		assertThat(this.received).hasSize(1);
		asAdmin(post("/api/admin/webhooks/" + subscription[0] + "/ping")).andExpect(status().isConflict());
		asAdmin(get("/api/admin/webhooks")).andExpect(
				jsonPath("$[?(@.id == '%s')].secret".formatted(subscription[0])).value(org.hamcrest.Matchers.empty()));
	}

	@Test
	void aSubscriptionRemovedWhileADeliveryIsOnItsWayIsNotTriedAgain() throws Exception {
		String[] subscription = subscribe("\"surge_detected\"");
		this.answer.set(503);
		this.whileReceiving = () -> this.webhooks.remove(UUID.fromString(subscription[0]));
		asAdmin(post("/api/admin/webhooks/" + subscription[0] + "/ping")).andExpect(status().isAccepted());
		this.webhooks.deliverDue();
		asAdmin(get("/api/admin/webhooks/" + subscription[0] + "/deliveries"))
			.andExpect(jsonPath("$[0].state").value("failed"))
			.andExpect(jsonPath("$[0].lastError").value(containsString("removed")));
		this.clock.advance(Duration.ofMinutes(5));
		this.webhooks.deliverDue();
		assertThat(this.received).hasSize(1);
	}

	@Test
	void badSubscriptionsAreRefusedWithTheReasonAndOnlyAdminsManageThem() throws Exception {
		int before = this.webhooks.subscriptions().size();
		asAdmin(json(post("/api/admin/webhooks"), """
				{"url":"ftp://example.com/hook","events":["surge_detected"]}""")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("http or https")));
		asAdmin(json(post("/api/admin/webhooks"), """
				{"url":"https://example.com/hook","events":[]}""")).andExpect(status().isBadRequest());
		asAdmin(json(post("/api/admin/webhooks"), """
				{"url":"https://example.com/hook","events":["everything"]}""")).andExpect(status().isBadRequest());
		asAdmin(json(post("/api/admin/webhooks"), """
				{"url":"https://example.com/hook","events":["ping"],"secret":"mine"}"""))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(json(post("/api/admin/webhooks"), """
					{"url":"https://example.com/hook","events":["surge_detected"]}""").header("Authorization",
					"Bearer " + TestFixtures.MANAGER_TOKEN))
			.andExpect(status().isForbidden());
		asAdmin(get("/api/admin/webhooks/" + UUID.randomUUID() + "/deliveries")).andExpect(status().isNotFound());
		asAdmin(delete("/api/admin/webhooks/" + UUID.randomUUID())).andExpect(status().isNotFound());
		assertThat(this.webhooks.subscriptions()).hasSize(before);
	}

}

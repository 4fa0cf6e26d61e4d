package io.rootcase.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.rootcase.customers.CustomerDirectory;
import io.rootcase.intake.ReplySent;
import io.rootcase.notices.NoticePublished;
import io.rootcase.shared.ConflictException;
import io.rootcase.shared.Ids;
import io.rootcase.shared.NotFoundException;
import io.rootcase.shared.Secrets;
import io.rootcase.shared.Texts;
import io.rootcase.trends.SurgeDetected;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhooks module's API: admins subscribe other systems' endpoints to events; each
 * event is stored as one delivery per subscription (so none is lost to a restart or a
 * receiver that is down) and posted, signed, until the receiver takes it.
 */
@Service
public class Webhooks {

	/** Deliveries one run of the job sends at most. */
	static final int BATCH = 50;

	private final WebhookRepository repository;

	private final WebhookSender sender;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final String publicUrl;

	private final CustomerDirectory customers;

	Webhooks(WebhookRepository repository, WebhookSender sender, JsonMapper json, Clock clock,
			PlatformTransactionManager transactionManager, CustomerDirectory customers,
			@Value("${rootcase.public-url}") String publicUrl) {
		this.customers = customers;
		this.repository = repository;
		this.sender = sender;
		this.json = json;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.publicUrl = Texts.baseUrl(publicUrl);
	}

	/** A subscription as admins see it; its secret is shown once, when it is made. */
	public record SubscriptionView(UUID id, String url, Set<WebhookEvent> events, Instant createdAt, String createdBy,
			Instant removedAt) {

		static SubscriptionView of(WebhookSubscription s) {
			return new SubscriptionView(s.id(), s.url().toString(), s.events(), s.createdAt(), s.createdBy(),
					s.removedAt());
		}

	}

	/**
	 * A new subscription with the secret its receiver checks signatures with: shown this
	 * once.
	 */
	public record Subscribed(SubscriptionView subscription, String secret) {
	}

	/** One event's way to one subscription. */
	public record DeliveryView(UUID id, UUID eventId, WebhookEvent event, Instant createdAt, String state, int attempts,
			Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus, String lastError) {

		static DeliveryView of(WebhookDelivery d) {
			return new DeliveryView(d.id(), d.eventId(), d.event(), d.createdAt(),
					d.state().name().toLowerCase(java.util.Locale.ROOT), d.attempts(), d.nextAttemptAt(),
					d.lastAttemptAt(), d.lastStatus(), d.lastError());
		}

	}

	@Transactional
	public Subscribed subscribe(String url, Set<WebhookEvent> events, String actor) {
		WebhookSubscription subscription = WebhookSubscription.subscribe(Ids.next(), url, events, Secrets.random(),
				actor, this.clock.instant());
		this.repository.insert(subscription);
		return new Subscribed(SubscriptionView.of(subscription), subscription.secret());
	}

	@Transactional(readOnly = true)
	public List<SubscriptionView> subscriptions() {
		return this.repository.subscriptions().stream().map(SubscriptionView::of).toList();
	}

	/**
	 * Stops sending to a subscription; what still waits for it is given up. Removing it
	 * again changes nothing.
	 */
	@Transactional
	public SubscriptionView remove(UUID id) {
		WebhookSubscription subscription = find(id);
		if (subscription.removedAt() != null) {
			return SubscriptionView.of(subscription);
		}
		Instant now = this.clock.instant();
		WebhookSubscription removed = subscription.removed(now);
		this.repository.markRemoved(removed);
		this.repository.pendingOf(id).forEach(d -> this.repository.update(d.abandoned(now)));
		return SubscriptionView.of(removed);
	}

	/** Queues a ping to one subscription, to check that its receiver takes deliveries. */
	@Transactional
	public DeliveryView ping(UUID id) {
		WebhookSubscription subscription = find(id);
		if (subscription.removedAt() != null) {
			throw new ConflictException("this subscription was removed; nothing is sent to it");
		}
		return DeliveryView.of(enqueue(List.of(subscription), WebhookEvent.PING, Map.of("subscriptionId", id)).get(0));
	}

	@Transactional(readOnly = true)
	public List<DeliveryView> deliveries(UUID subscriptionId, int limit) {
		find(subscriptionId);
		return this.repository.deliveriesOf(subscriptionId, limit).stream().map(DeliveryView::of).toList();
	}

	/**
	 * Sends the deliveries due now, each outside any transaction (a slow receiver must
	 * not hold a database connection), recording each answer on its own.
	 * @return the deliveries tried
	 */
	public int deliverDue() {
		List<WebhookDelivery> due = this.transactions.execute(tx -> this.repository.due(this.clock.instant(), BATCH));
		Map<UUID, WebhookSubscription> subscriptions = new LinkedHashMap<>();
		for (WebhookDelivery delivery : due) {
			WebhookSubscription to = subscriptions.computeIfAbsent(delivery.subscriptionId(),
					id -> this.repository.subscription(id).orElseThrow());
			Instant at = this.clock.instant();
			WebhookSender.Answer answer = this.sender.send(to.url(), to.secret(), delivery, at);
			WebhookDelivery tried = answer.taken() ? delivery.delivered(answer.status(), at)
					: delivery.attemptFailed(answer.status(), answer.error(), at);
			this.transactions.executeWithoutResult(tx -> this.repository.update(tried));
		}
		return due.size();
	}

	@ApplicationModuleListener
	void on(SurgeDetected surge) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("alertId", surge.alertId());
		data.put("series", surge.seriesKey());
		data.put("label", surge.label());
		data.put("since", surge.since());
		data.put("observed", surge.observed());
		data.put("expected", surge.expected());
		data.put("consoleUrl", this.publicUrl + "/trends/alerts/" + surge.alertId());
		enqueue(this.repository.active(), WebhookEvent.SURGE_DETECTED, data);
	}

	/**
	 * The notice without its recipients' addresses: the gateway reads them a page at a
	 * time from the API with its token, so customers' addresses are not copied into every
	 * subscriber's deliveries.
	 */
	@ApplicationModuleListener
	void on(NoticePublished notice) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("noticeId", notice.noticeId());
		data.put("problemReference", notice.problemReference());
		data.put("message", notice.message());
		data.put("publishedAt", notice.publishedAt());
		data.put("publishedBy", notice.publishedBy());
		data.put("recipientCount", notice.recipients());
		data.put("recipientsUrl", this.publicUrl + "/api/problems/" + notice.problemReference() + "/notices/"
				+ notice.noticeId() + "/recipients");
		data.put("followUrl", notice.followUrl());
		enqueue(this.repository.active(), WebhookEvent.NOTICE_PUBLISHED, data);
	}

	/**
	 * A message to one customer. Unlike a notice's recipients, the address is in the
	 * post: the gateway has nothing else to send it by, and it is one customer's, to whom
	 * the message is written anyway.
	 */
	@ApplicationModuleListener
	void on(ReplySent reply) {
		// Heard after commit: the customer may have been erased since, and their words
		// must not come back as a post.
		if (this.customers.find(reply.customerId()).map(c -> c.erasedAt() != null).orElse(true)) {
			return;
		}
		Map<String, Object> to = new LinkedHashMap<>();
		to.put("kind", reply.toKind());
		to.put("value", reply.to());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("contactId", reply.contactId());
		data.put("caseReference", reply.caseReference());
		data.put("customerId", reply.customerId());
		data.put("channel", reply.channel());
		data.put("to", to);
		data.put("inReplyTo", reply.inReplyTo());
		data.put("sentAt", reply.sentAt());
		data.put("author", reply.author());
		data.put("text", reply.text());
		data.put("caseUrl", this.publicUrl + "/cases/" + reply.caseReference());
		enqueue(this.repository.active(), WebhookEvent.REPLY_SENT, data);
	}

	/** Whether some gateway is subscribed to an event, e.g. to send replies. */
	@Transactional(readOnly = true)
	public boolean subscribed(WebhookEvent event) {
		return this.repository.active().stream().anyMatch(s -> s.wants(event));
	}

	/** One delivery per subscription that wants the event, all with one envelope. */
	private List<WebhookDelivery> enqueue(List<WebhookSubscription> subscriptions, WebhookEvent event, Object data) {
		List<WebhookSubscription> receivers = subscriptions.stream().filter(s -> s.wants(event)).toList();
		if (receivers.isEmpty()) {
			return List.of();
		}
		UUID eventId = Ids.next();
		Instant at = this.clock.instant();
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("eventId", eventId);
		envelope.put("event", event);
		envelope.put("occurredAt", at);
		envelope.put("data", data);
		String payload = this.json.writeValueAsString(envelope);
		List<WebhookDelivery> queued = receivers.stream()
			.map(s -> WebhookDelivery.due(Ids.next(), s.id(), eventId, event, payload, at))
			.toList();
		queued.forEach(this.repository::insert);
		return queued;
	}

	private WebhookSubscription find(UUID id) {
		return this.repository.subscription(id)
			.orElseThrow(() -> new NotFoundException("there is no webhook subscription " + id));
	}

}

package io.rootcase.webhooks;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.rootcase.shared.DbTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WebhookRepository {

	private final JdbcClient jdbc;

	WebhookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(WebhookSubscription s) {
		this.jdbc.sql("""
				insert into webhook_subscriptions (id, url, events, secret, created_at, created_by, removed_at)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(s.id(), s.url().toString(), events(s.events()), s.secret(), DbTime.toDb(s.createdAt()),
					s.createdBy(), DbTime.toDb(s.removedAt()))
			.update();
	}

	void markRemoved(WebhookSubscription s) {
		this.jdbc.sql("update webhook_subscriptions set removed_at = ? where id = ?")
			.params(DbTime.toDb(s.removedAt()), s.id())
			.update();
	}

	Optional<WebhookSubscription> subscription(UUID id) {
		return this.jdbc.sql("select * from webhook_subscriptions where id = ?")
			.param(id)
			.query(WebhookRepository::subscription)
			.optional();
	}

	/** Every subscription, the active ones first, newest first. */
	List<WebhookSubscription> subscriptions() {
		return this.jdbc
			.sql("select * from webhook_subscriptions order by case when removed_at is null then 0 else 1 end, "
					+ "created_at desc, id")
			.query(WebhookRepository::subscription)
			.list();
	}

	List<WebhookSubscription> active() {
		return this.jdbc.sql("select * from webhook_subscriptions where removed_at is null order by created_at, id")
			.query(WebhookRepository::subscription)
			.list();
	}

	void insert(WebhookDelivery d) {
		this.jdbc.sql("""
				insert into webhook_deliveries (id, subscription_id, event_id, event, payload, created_at, state,
				  attempts, next_attempt_at, last_attempt_at, last_status, last_error)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(d.id(), d.subscriptionId(), d.eventId(), d.event().name(), d.payload(), DbTime.toDb(d.createdAt()),
					d.state().name(), d.attempts(), DbTime.toDb(d.nextAttemptAt()), DbTime.toDb(d.lastAttemptAt()),
					d.lastStatus(), d.lastError())
			.update();
	}

	/**
	 * Records a pending delivery's next state. Only a pending one changes: a delivery
	 * given up meanwhile (its subscription removed during a send) stays given up.
	 */
	void update(WebhookDelivery d) {
		this.jdbc.sql("""
				update webhook_deliveries set state = ?, attempts = ?, next_attempt_at = ?, last_attempt_at = ?,
				  last_status = ?, last_error = ?
				where id = ? and state = 'PENDING'
				""")
			.params(d.state().name(), d.attempts(), DbTime.toDb(d.nextAttemptAt()), DbTime.toDb(d.lastAttemptAt()),
					d.lastStatus(), d.lastError(), d.id())
			.update();
	}

	/** Deliveries waiting to be tried by now, the longest waiting first. */
	List<WebhookDelivery> due(Instant now, int limit) {
		return this.jdbc.sql("""
				select * from webhook_deliveries where state = 'PENDING' and next_attempt_at <= ?
				order by next_attempt_at, id limit ?
				""").params(DbTime.toDb(now), limit).query(WebhookRepository::delivery).list();
	}

	List<WebhookDelivery> pendingOf(UUID subscriptionId) {
		return this.jdbc.sql("select * from webhook_deliveries where subscription_id = ? and state = 'PENDING'")
			.param(subscriptionId)
			.query(WebhookRepository::delivery)
			.list();
	}

	/** A subscription's deliveries, newest first. */
	List<WebhookDelivery> deliveriesOf(UUID subscriptionId, int limit) {
		return this.jdbc.sql("""
				select * from webhook_deliveries where subscription_id = ? order by created_at desc, id limit ?
				""").params(subscriptionId, limit).query(WebhookRepository::delivery).list();
	}

	private static String events(Set<WebhookEvent> events) {
		return events.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	private static WebhookSubscription subscription(ResultSet rs, int row) throws SQLException {
		Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
		Arrays.stream(rs.getString("events").split(",")).map(WebhookEvent::valueOf).forEach(events::add);
		return new WebhookSubscription(rs.getObject("id", UUID.class), URI.create(rs.getString("url")), events,
				rs.getString("secret"), DbTime.fromDb(rs, "created_at"), rs.getString("created_by"),
				DbTime.fromDb(rs, "removed_at"));
	}

	private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
		int status = rs.getInt("last_status");
		Integer lastStatus = rs.wasNull() ? null : status;
		return new WebhookDelivery(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
				rs.getObject("event_id", UUID.class), WebhookEvent.valueOf(rs.getString("event")),
				rs.getString("payload"), DbTime.fromDb(rs, "created_at"),
				WebhookDelivery.State.valueOf(rs.getString("state")), rs.getInt("attempts"),
				DbTime.fromDb(rs, "next_attempt_at"), DbTime.fromDb(rs, "last_attempt_at"), lastStatus,
				rs.getString("last_error"));
	}

}

package io.rootcase;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Background work that fails a given number of times before it succeeds, for the tests of
 * retrying failed event publications.
 */
public class FlakyWork {

	/** Asks for work on {@code key} that fails {@code failures} times first. */
	public record Requested(String key, int failures) {
	}

	private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	private final Map<String, Boolean> done = new ConcurrentHashMap<>();

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	FlakyWork(ApplicationEventPublisher events, TransactionTemplate transactions, JdbcClient jdbc) {
		this.events = events;
		this.transactions = transactions;
		this.jdbc = jdbc;
	}

	/** Publishes work that fails {@code failures} times first. */
	public String request(int failures) {
		String key = "flaky-" + UUID.randomUUID();
		this.transactions.executeWithoutResult(s -> this.events.publishEvent(new Requested(key, failures)));
		return key;
	}

	/** The status of the work's event publication; empty once completed (deleted). */
	public Optional<String> publicationStatus(String key) {
		return this.jdbc.sql("select status from event_publication where serialized_event like ?")
			.param("%" + key + "%")
			.query(String.class)
			.optional();
	}

	/** How often the event publication registry has had the work run. */
	public int completionAttempts(String key) {
		return this.jdbc.sql("select completion_attempts from event_publication where serialized_event like ?")
			.param("%" + key + "%")
			.query(Integer.class)
			.single();
	}

	@ApplicationModuleListener
	void on(Requested work) {
		int attempt = this.attempts.computeIfAbsent(work.key(), k -> new AtomicInteger()).incrementAndGet();
		if (attempt <= work.failures()) {
			throw new IllegalStateException("attempt " + attempt + " at " + work.key() + " fails, as asked");
		}
		this.done.put(work.key(), true);
	}

	public int attempts(String key) {
		AtomicInteger count = this.attempts.get(key);
		return count == null ? 0 : count.get();
	}

	public boolean done(String key) {
		return this.done.containsKey(key);
	}

}

package io.rootcase;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.modulith.events.ApplicationModuleListener;

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

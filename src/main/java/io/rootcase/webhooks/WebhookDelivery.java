package io.rootcase.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One event on its way to one subscription: tried until the receiver answers 2xx, with
 * waits that double from a minute up to an hour, and given up after
 * {@value #MAX_ATTEMPTS} tries (about eight hours), or when the subscription is removed.
 *
 * @param eventId the same for every subscription's delivery of one event: receivers drop
 * a repeat by it
 * @param lastStatus the receiver's last HTTP status, or {@code null} when it gave none
 */
record WebhookDelivery(UUID id, UUID subscriptionId, UUID eventId, WebhookEvent event, String payload,
		Instant createdAt, State state, int attempts, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus,
		String lastError) {

	static final int MAX_ATTEMPTS = 12;

	static final Duration FIRST_WAIT = Duration.ofMinutes(1);

	static final Duration LONGEST_WAIT = Duration.ofHours(1);

	static final int MAX_ERROR = 1000;

	enum State {

		PENDING, DELIVERED, FAILED

	}

	static WebhookDelivery due(UUID id, UUID subscriptionId, UUID eventId, WebhookEvent event, String payload,
			Instant at) {
		return new WebhookDelivery(id, subscriptionId, eventId, event, payload, at, State.PENDING, 0, at, null, null,
				null);
	}

	WebhookDelivery delivered(int status, Instant at) {
		requirePending();
		return new WebhookDelivery(this.id, this.subscriptionId, this.eventId, this.event, this.payload, this.createdAt,
				State.DELIVERED, this.attempts + 1, null, at, status, null);
	}

	/**
	 * @param status the receiver's answer, or {@code null} when there was none (refused,
	 * timed out)
	 */
	WebhookDelivery attemptFailed(Integer status, String why, Instant at) {
		requirePending();
		int attempts = this.attempts + 1;
		String error = why == null ? null : why.length() > MAX_ERROR ? why.substring(0, MAX_ERROR) : why;
		boolean giveUp = attempts >= MAX_ATTEMPTS;
		return new WebhookDelivery(this.id, this.subscriptionId, this.eventId, this.event, this.payload, this.createdAt,
				giveUp ? State.FAILED : State.PENDING, attempts, giveUp ? null : at.plus(wait(attempts)), at, status,
				error);
	}

	/** Given up: the subscription was removed while this waited. */
	WebhookDelivery abandoned(Instant at) {
		requirePending();
		return new WebhookDelivery(this.id, this.subscriptionId, this.eventId, this.event, this.payload, this.createdAt,
				State.FAILED, this.attempts, null, at, this.lastStatus, "the subscription was removed");
	}

	/**
	 * The wait after the given number of failed attempts: 1, 2, 4, … minutes, at most an
	 * hour.
	 */
	static Duration wait(int failedAttempts) {
		Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(failedAttempts - 1, 10));
		return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
	}

	private void requirePending() {
		if (this.state != State.PENDING) {
			throw new IllegalStateException("delivery " + this.id + " is " + this.state + " already");
		}
	}

}

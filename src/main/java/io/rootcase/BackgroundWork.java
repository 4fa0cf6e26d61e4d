package io.rootcase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

/**
 * Background work is what the modules' event listeners do after a request has committed:
 * a contact's reason, its trend counts, a case's follow-ups. A listener that fails (the
 * database briefly unreachable, a deadlock, a node stopping) leaves its event publication
 * failed; Spring Modulith would run it again only when a node restarts. This retries the
 * failed ones with a pause that doubles after each attempt (2, 4, 8 … minutes, at most an
 * hour) and gives up after {@link #MAX_ATTEMPTS}, leaving the publication failed and
 * counted for a person to look at. It also tells the metrics how much background work
 * waits and how much has failed.
 */
@Component
class BackgroundWork implements MeterBinder {

	static final int MAX_ATTEMPTS = 10;

	/**
	 * Failed publications read per retry. Spring Modulith 2.1 reads this many before it
	 * applies the filter, so publications given up on must not fill it: large enough that
	 * a few of those never hide the others.
	 */
	private static final int BATCH = 1000;

	private static final Duration LONGEST_PAUSE = Duration.ofHours(1);

	private final FailedEventPublications failed;

	private final JdbcClient jdbc;

	private final Clock clock;

	BackgroundWork(FailedEventPublications failed, JdbcClient jdbc, Clock clock) {
		this.failed = failed;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Runs again the failed listeners whose pause is over. */
	void retryFailed() {
		Instant now = this.clock.instant();
		this.failed.resubmit(ResubmissionOptions.defaults().withBatchSize(BATCH).withFilter(p -> due(p, now)));
	}

	/**
	 * Whether a failed publication is retried now: fewer than {@link #MAX_ATTEMPTS} so
	 * far, and its pause since the last attempt is over.
	 */
	static boolean due(EventPublication publication, Instant now) {
		int attempts = publication.getCompletionAttempts();
		if (attempts >= MAX_ATTEMPTS) {
			return false;
		}
		Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
				: publication.getPublicationDate();
		Duration pause = Duration.ofMinutes(Math.min(1L << Math.min(attempts, 6), LONGEST_PAUSE.toMinutes()));
		return !last.plus(pause).isAfter(now);
	}

	/**
	 * Read from the database at each scrape, so every node reports the cluster's figure
	 * (aggregate with max, not sum). Cheap: completed publications are deleted, so the
	 * table holds only what waits or failed.
	 */
	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("rootcase.background.waiting", this, BackgroundWork::waiting)
			.description("Event publications whose listener has not finished yet, cluster-wide")
			.register(registry);
		Gauge.builder("rootcase.background.failed", this, BackgroundWork::failedCount)
			.description("Event publications whose listener failed, retried or given up on, cluster-wide")
			.register(registry);
	}

	double waiting() {
		return this.jdbc
			.sql("select count(*) from event_publication where completion_date is null "
					+ "and (status is null or status <> 'FAILED')")
			.query(Long.class)
			.single();
	}

	double failedCount() {
		return this.jdbc.sql("select count(*) from event_publication where status = 'FAILED'")
			.query(Long.class)
			.single();
	}

}

package io.rootcase.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.rootcase.shared.DbTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Service;

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
@Service
public class BackgroundWork implements MeterBinder {

	public static final int MAX_ATTEMPTS = 10;

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
	 * Runs again every failed listener now, those given up on included: an admin's
	 * decision once the cause (a full disk, a bad configuration) is fixed.
	 * @return how many failed pieces of work there were
	 */
	public long retryNow() {
		long failedBefore = failedCount();
		this.failed.resubmit(ResubmissionOptions.defaults().withBatchSize(BATCH));
		return failedBefore;
	}

	/** How much waits, and the oldest failed work up to {@code limit}. */
	public BackgroundWorkStatus status(int limit) {
		List<FailedWork> failedWork = this.jdbc.sql("""
				select id, event_type, listener_id, publication_date, completion_attempts, last_resubmission_date
				from event_publication where status = 'FAILED' order by publication_date, id limit ?
				""").param(limit).query((rs, n) -> {
			int attempts = rs.getInt("completion_attempts");
			Instant published = DbTime.fromDb(rs, "publication_date");
			Instant last = DbTime.fromDb(rs, "last_resubmission_date");
			return new FailedWork(rs.getObject("id", UUID.class), simpleName(rs.getString("event_type")),
					listenerName(rs.getString("listener_id")), published, attempts, last != null ? last : published,
					attempts >= MAX_ATTEMPTS);
		}).list();
		return new BackgroundWorkStatus(waiting(), failedCount(), failedWork);
	}

	/** {@code io.rootcase.intake.ContactReceived} becomes {@code ContactReceived}. */
	private static String simpleName(String type) {
		return type.substring(type.lastIndexOf('.') + 1).replace('$', '.');
	}

	/**
	 * A listener id is the method's full signature, {@code void
	 * io.rootcase.reasons.ContactReasons.on(io.rootcase.intake.ContactReceived)}: its
	 * class and method are what a person needs.
	 */
	static String listenerName(String id) {
		String method = id.contains("(") ? id.substring(0, id.indexOf('(')) : id;
		method = method.substring(method.lastIndexOf(' ') + 1);
		int dot = method.lastIndexOf('.');
		int classDot = dot > 0 ? method.lastIndexOf('.', dot - 1) : -1;
		return method.substring(classDot + 1);
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
		Gauge.builder("rootcase.background.waiting", this, w -> w.waiting())
			.description("Event publications whose listener has not finished yet, cluster-wide")
			.register(registry);
		Gauge.builder("rootcase.background.failed", this, w -> w.failedCount())
			.description("Event publications whose listener failed, retried or given up on, cluster-wide")
			.register(registry);
	}

	private long waiting() {
		return this.jdbc
			.sql("select count(*) from event_publication where completion_date is null "
					+ "and (status is null or status <> 'FAILED')")
			.query(Long.class)
			.single();
	}

	private long failedCount() {
		return this.jdbc.sql("select count(*) from event_publication where status = 'FAILED'")
			.query(Long.class)
			.single();
	}

}

package io.rootcase.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.rootcase.problems.Problems;
import io.rootcase.trends.AlertState;
import io.rootcase.trends.EmergingProblems;
import io.rootcase.trends.SeriesKey;
import io.rootcase.trends.SurgeAlerts;
import io.rootcase.trends.TrendSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Brings the demo's trends up to date before anyone looks: once the listeners have
 * finished with the history (reasons predicted, contacts counted), the series are
 * recounted, the past week is watched for surges and the unexplained cases are grouped,
 * so the billing surge is an alert and the phone-line problem an emerging problem when
 * the demo opens.
 */
@Component
public class DemoTrends {

	private static final Logger log = LoggerFactory.getLogger(DemoTrends.class);

	/** How long the demo waits at most for the listeners to finish. */
	private static final Duration PATIENCE = Duration.ofMinutes(10);

	/** Give up waiting once nothing moved for this long: a listener keeps failing. */
	private static final Duration STALL = Duration.ofSeconds(30);

	/** More alerts than the demo ever raises. */
	private static final int MAX_ALERTS = 100;

	private final JdbcClient jdbc;

	private final TrendSeries series;

	private final SurgeAlerts alerts;

	private final EmergingProblems emerging;

	DemoTrends(JdbcClient jdbc, TrendSeries series, SurgeAlerts alerts, EmergingProblems emerging) {
		this.jdbc = jdbc;
		this.series = series;
		this.alerts = alerts;
		this.emerging = emerging;
	}

	public void load() {
		awaitListeners();
		int contacts = this.series.rebuild();
		int hours = this.alerts.testNow();
		int groups = this.emerging.find().size();
		log.info("Demo trends: {} contacts counted, {} hours watched, {} open alert(s), {} emerging problem(s)",
				contacts, hours, this.alerts.waiting(), groups);
	}

	/**
	 * Links the billing surge's alert to the problem the demo's manager opened for it, as
	 * she would have done; the surge's alerts for single segments, part of it, follow.
	 */
	public void surgeHandledBy(String problemReference) {
		this.alerts.list(List.of(AlertState.OPEN), MAX_ALERTS)
			.stream()
			.filter(a -> SeriesKey.reason(DemoCatalog.SURGE_REASON).equals(a.series()))
			.forEach(a -> this.alerts.linkProblem(a.id(), problemReference, new Problems.Actor("maria", true)));
	}

	private void awaitListeners() {
		Instant giveUp = Instant.now().plus(PATIENCE);
		Instant lastMove = Instant.now();
		long pending = Long.MAX_VALUE;
		while (Instant.now().isBefore(giveUp)) {
			// Spring Modulith's registry of events not yet handled by every listener (its
			// table is created by our migrations; its registry API is not on the compile
			// path).
			long now = this.jdbc.sql("select count(*) from event_publication where completion_date is null")
				.query(Long.class)
				.single();
			if (now == 0) {
				return;
			}
			if (now < pending) {
				pending = now;
				lastMove = Instant.now();
			}
			else if (Instant.now().isAfter(lastMove.plus(STALL))) {
				log.warn("Demo trends: {} event(s) still unprocessed; counting what is there", now);
				return;
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}

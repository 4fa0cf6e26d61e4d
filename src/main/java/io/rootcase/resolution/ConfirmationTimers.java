package io.rootcase.resolution;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the confirmation timers (reminders, unconfirmed closures) on one node at a time.
 * Due cases are found in the database, so a restart loses nothing and a missed run is
 * caught up by the next.
 */
@Component
@ConditionalOnProperty(name = "rootcase.resolution.timers.enabled", havingValue = "true", matchIfMissing = true)
class ConfirmationTimers {

	private static final Logger log = LoggerFactory.getLogger(ConfirmationTimers.class);

	private final Resolutions resolutions;

	ConfirmationTimers(Resolutions resolutions) {
		this.resolutions = resolutions;
	}

	@Scheduled(initialDelayString = "${rootcase.resolution.timers.initial-delay:PT30S}",
			fixedDelayString = "${rootcase.resolution.timers.interval:PT1M}")
	@SchedulerLock(name = "resolution-confirmation-timers", lockAtMostFor = "PT10M")
	void run() {
		Resolutions.TimerRun run = this.resolutions.runTimers();
		if (run.reminded() > 0 || run.closed() > 0) {
			log.info("Confirmation timers: {} customer(s) reminded, {} case(s) closed unconfirmed", run.reminded(),
					run.closed());
		}
	}

}

package io.rootcase.followups;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps a follow-up open on every case whose root cause is unknown, on one node at a
 * time.
 */
@Component
@ConditionalOnProperty(name = "rootcase.follow-ups.jobs.enabled", havingValue = "true", matchIfMissing = true)
class FollowUpJobs {

	private static final int BATCH = 500;

	private final FollowUps followUps;

	FollowUpJobs(FollowUps followUps) {
		this.followUps = followUps;
	}

	@Scheduled(initialDelayString = "${rootcase.follow-ups.jobs.initial-delay:PT1M}",
			fixedDelayString = "${rootcase.follow-ups.jobs.interval:PT15M}")
	@SchedulerLock(name = "follow-ups-unknown-cause", lockAtMostFor = "PT10M")
	void scheduleUnknownCauseLooks() {
		this.followUps.scheduleUnknownCauseLooks(BATCH);
	}

}

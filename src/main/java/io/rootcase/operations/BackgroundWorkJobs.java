package io.rootcase.operations;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries failed background work every minute, on one node of the cluster.
 */
@Component
@ConditionalOnProperty(name = "rootcase.background.retries.enabled", havingValue = "true", matchIfMissing = true)
class BackgroundWorkJobs {

	private final BackgroundWork work;

	BackgroundWorkJobs(BackgroundWork work) {
		this.work = work;
	}

	@Scheduled(fixedDelayString = "${rootcase.background.retries.every:PT1M}", initialDelayString = "PT1M")
	@SchedulerLock(name = "background-work-retries", lockAtMostFor = "PT10M")
	void retryFailed() {
		this.work.retryFailed();
	}

}

package io.rootcase.trends;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The surge watch and the clustering of unexplained cases, each on one node of the
 * cluster at a time. They read what intake has stored and never hold intake up.
 */
@Component
@ConditionalOnProperty(name = "rootcase.trends.jobs.enabled", havingValue = "true", matchIfMissing = true)
class TrendJobs {

	private final SurgeWatch watch;

	private final EmergingProblems emerging;

	TrendJobs(SurgeWatch watch, EmergingProblems emerging) {
		this.watch = watch;
		this.emerging = emerging;
	}

	@Scheduled(cron = "${rootcase.trends.watch.cron:0 2/10 * * * *}")
	@SchedulerLock(name = "trends-watch", lockAtMostFor = "PT30M")
	void watch() {
		this.watch.testNewHours();
	}

	@Scheduled(cron = "${rootcase.trends.clustering.cron:0 40 * * * *}")
	@SchedulerLock(name = "trends-clustering", lockAtMostFor = "PT30M")
	void cluster() {
		this.emerging.find();
	}

}

package io.rootcase.reasons;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retrains the contact-reason model on a schedule when agents have labelled contacts
 * since the last version, on one node of the cluster.
 */
@Component
@ConditionalOnProperty(name = "rootcase.reasons.retrain.enabled", havingValue = "true", matchIfMissing = true)
class ReasonJobs {

	private final ReasonModels models;

	ReasonJobs(ReasonModels models) {
		this.models = models;
	}

	@Scheduled(cron = "${rootcase.reasons.retrain.cron:0 30 3 * * *}")
	@SchedulerLock(name = "reasons-retrain", lockAtMostFor = "PT1H")
	void retrain() {
		if (this.models.hasNewExamples()) {
			this.models.retrain("schedule");
		}
	}

}

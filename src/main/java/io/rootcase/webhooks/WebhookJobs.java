package io.rootcase.webhooks;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the deliveries that are due, on one node at a time, so that two nodes do not post
 * one delivery twice. A run sends at most {@link Webhooks#BATCH}, each bounded by the
 * sender's timeout, well within the lock.
 */
@Component
@ConditionalOnProperty(name = "rootcase.webhooks.jobs.enabled", havingValue = "true", matchIfMissing = true)
class WebhookJobs {

	private final Webhooks webhooks;

	WebhookJobs(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@Scheduled(fixedDelayString = "${rootcase.webhooks.delivery-interval:PT10S}")
	@SchedulerLock(name = "webhook-deliveries", lockAtMostFor = "PT30M")
	void deliver() {
		this.webhooks.deliverDue();
	}

}

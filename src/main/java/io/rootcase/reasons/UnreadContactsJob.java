package io.rootcase.reasons;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads, every ten minutes on one node of the cluster, contacts that no model has read
 * although one is live: those taken in by another node just as the model went live.
 */
@Component
@ConditionalOnProperty(name = "rootcase.reasons.read-unread.enabled", havingValue = "true", matchIfMissing = true)
class UnreadContactsJob {

	private final ContactReasons contactReasons;

	UnreadContactsJob(ContactReasons contactReasons) {
		this.contactReasons = contactReasons;
	}

	@Scheduled(fixedDelayString = "${rootcase.reasons.read-unread.every:PT10M}", initialDelayString = "PT2M")
	@SchedulerLock(name = "reasons-read-unread", lockAtMostFor = "PT30M")
	void readUnread() {
		this.contactReasons.readUnread();
	}

}

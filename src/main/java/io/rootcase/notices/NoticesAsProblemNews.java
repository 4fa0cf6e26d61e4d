package io.rootcase.notices;

import java.util.List;
import java.util.UUID;

import io.rootcase.resolution.CustomerStatus;
import io.rootcase.resolution.ProblemNews;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A problem's notices on the status page of each case linked to it: also a customer whose
 * case was linked after a notice went out reads what the team said.
 */
@Component
class NoticesAsProblemNews implements ProblemNews {

	private final NoticeRepository notices;

	NoticesAsProblemNews(NoticeRepository notices) {
		this.notices = notices;
	}

	@Override
	@Transactional(readOnly = true)
	public List<CustomerStatus.News> of(UUID problemId) {
		return this.notices.messagesOf(problemId);
	}

}

package io.rootcase.cases;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.rootcase.shared.Channel;
import io.rootcase.shared.Limits;

/**
 * A filter over the case queue. {@code null} means "any".
 *
 * @param statuses the statuses to include; empty means every active status, or with a
 * resolution kind every status that has one
 * @param openedBefore only cases opened at or before this instant (for "older than")
 * @param openedAfter only cases opened at or after this instant (for "newer than")
 * @param assignee only cases assigned to this agent
 * @param unassigned only cases assigned to no agent
 * @param resolutionKind only cases whose resolution is of this kind
 * @param reasons only cases whose contact reason is one of these keys
 * @param text only cases with these words in their subject, or with this reference
 * ({@code RC-1042} or {@code 1042})
 * @param answerDueBefore only cases whose customer waits for an answer due before this
 * instant (now: those overdue)
 * @param order which cases come first; oldest activity first when {@code null}
 */
public record CaseQuery(Set<CaseStatus> statuses, Channel channel, String team, String assignee, boolean unassigned,
		Instant openedBefore, Instant openedAfter, ResolutionKind resolutionKind, Set<String> reasons, String text,
		Instant answerDueBefore, Order order, int limit, int offset) {

	public static final int MAX_LIMIT = 500;

	public static final int MAX_TEXT = 200;

	/** The same filter, another page of it. */
	public CaseQuery page(int limit, int offset) {
		return new CaseQuery(this.statuses, this.channel, this.team, this.assignee, this.unassigned, this.openedBefore,
				this.openedAfter, this.resolutionKind, this.reasons, this.text, this.answerDueBefore, this.order, limit,
				offset);
	}

	/**
	 * The queue's order: by last activity, the longest untouched or the latest first; or
	 * the customers whose answer is due soonest (most overdue) first, then the cases
	 * nobody waits on.
	 */
	public enum Order {

		OLDEST_ACTIVITY_FIRST, NEWEST_ACTIVITY_FIRST, ANSWER_DUE_FIRST

	}

	public CaseQuery {
		if (statuses == null || statuses.isEmpty()) {
			statuses = resolutionKind != null
					? EnumSet.of(CaseStatus.AWAITING_CONFIRMATION, CaseStatus.RESOLVED, CaseStatus.CLOSED)
					: EnumSet.of(CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.WAITING_ON_CUSTOMER,
							CaseStatus.AWAITING_CONFIRMATION);
		}
		statuses = Set.copyOf(statuses);
		team = team == null || team.isBlank() ? null : team;
		assignee = assignee == null || assignee.isBlank() ? null : assignee;
		if (assignee != null && unassigned) {
			throw new IllegalArgumentException("a case cannot be both assigned to " + assignee + " and unassigned");
		}
		Set<String> named = reasons == null ? Set.of()
				: reasons.stream()
					.filter(r -> r != null && !r.isBlank())
					.map(String::strip)
					.collect(Collectors.toUnmodifiableSet());
		reasons = named.isEmpty() ? null : named;
		order = order == null ? Order.OLDEST_ACTIVITY_FIRST : order;
		text = text == null || text.isBlank() ? null : text.strip();
		if (text != null && text.length() > MAX_TEXT) {
			throw new IllegalArgumentException("a search text has at most " + MAX_TEXT + " characters");
		}
		Limits.within(limit, MAX_LIMIT);
		Limits.offset(offset);
	}

}

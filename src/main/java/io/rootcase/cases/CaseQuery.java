package io.rootcase.cases;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import io.rootcase.shared.Channel;
import io.rootcase.shared.Limits;

/**
 * A filter over the case queue. {@code null} means "any".
 *
 * @param statuses the statuses to include; empty means every active status, or with a
 * resolution kind every status that has one
 * @param openedBefore only cases opened at or before this instant (for "older than")
 * @param openedAfter only cases opened at or after this instant (for "newer than")
 * @param resolutionKind only cases whose resolution is of this kind
 */
public record CaseQuery(Set<CaseStatus> statuses, Channel channel, String team, String assignee, Instant openedBefore,
		Instant openedAfter, ResolutionKind resolutionKind, int limit, int offset) {

	public static final int MAX_LIMIT = 500;

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
		Limits.within(limit, MAX_LIMIT);
		if (offset < 0) {
			throw new IllegalArgumentException("offset must not be negative");
		}
	}

}

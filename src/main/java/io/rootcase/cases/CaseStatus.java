package io.rootcase.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands. Only the transitions listed here exist; everything else is refused
 * by the case itself.
 */
public enum CaseStatus {

	NEW, OPEN, WAITING_ON_CUSTOMER,
	/** A resolution was proposed; the customer is asked to confirm or reject it. */
	AWAITING_CONFIRMATION, RESOLVED, CLOSED;

	public boolean isActive() {
		return this == NEW || this == OPEN || this == WAITING_ON_CUSTOMER || this == AWAITING_CONFIRMATION;
	}

	/**
	 * Whether a case can be merged into another: it is being worked, and no customer is
	 * being asked to confirm its resolution (closing it would count the proposal as
	 * unconfirmed).
	 */
	public boolean canBeMerged() {
		return this == NEW || this == OPEN || this == WAITING_ON_CUSTOMER;
	}

	public Set<CaseStatus> next() {
		return switch (this) {
			case NEW -> EnumSet.of(OPEN, WAITING_ON_CUSTOMER, AWAITING_CONFIRMATION, RESOLVED, CLOSED);
			case OPEN -> EnumSet.of(WAITING_ON_CUSTOMER, AWAITING_CONFIRMATION, RESOLVED, CLOSED);
			case WAITING_ON_CUSTOMER -> EnumSet.of(OPEN, AWAITING_CONFIRMATION, RESOLVED, CLOSED);
			case AWAITING_CONFIRMATION -> EnumSet.of(OPEN, RESOLVED, CLOSED);
			case RESOLVED -> EnumSet.of(OPEN, CLOSED);
			case CLOSED -> EnumSet.noneOf(CaseStatus.class);
		};
	}

	/**
	 * The statuses an agent may set directly: resolving goes through the customer's
	 * confirmation (or a manager's recorded reason), never through a status change.
	 */
	public Set<CaseStatus> settableByHand() {
		Set<CaseStatus> next = EnumSet.noneOf(CaseStatus.class);
		next.addAll(next());
		next.remove(RESOLVED);
		next.remove(AWAITING_CONFIRMATION);
		return next;
	}

	/**
	 * A case in these statuses has ended, for now or for good: it has a resolution kind.
	 */
	public boolean hasEnded() {
		return this == AWAITING_CONFIRMATION || this == RESOLVED || this == CLOSED;
	}

	public boolean canMoveTo(CaseStatus target) {
		return next().contains(target);
	}

}

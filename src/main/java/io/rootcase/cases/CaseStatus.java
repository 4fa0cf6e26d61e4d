package io.rootcase.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands. Only the transitions listed here exist; everything else is refused
 * by the case itself.
 */
public enum CaseStatus {

	NEW, OPEN, WAITING_ON_CUSTOMER, RESOLVED, CLOSED;

	public boolean isActive() {
		return this == NEW || this == OPEN || this == WAITING_ON_CUSTOMER;
	}

	public Set<CaseStatus> next() {
		return switch (this) {
			case NEW -> EnumSet.of(OPEN, WAITING_ON_CUSTOMER, RESOLVED, CLOSED);
			case OPEN -> EnumSet.of(WAITING_ON_CUSTOMER, RESOLVED, CLOSED);
			case WAITING_ON_CUSTOMER -> EnumSet.of(OPEN, RESOLVED, CLOSED);
			case RESOLVED -> EnumSet.of(OPEN, CLOSED);
			case CLOSED -> EnumSet.noneOf(CaseStatus.class);
		};
	}

	public boolean canMoveTo(CaseStatus target) {
		return next().contains(target);
	}

}

package io.rootcase.console;

import java.time.Clock;

import io.rootcase.cases.CaseQuery;
import io.rootcase.cases.Cases;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in agent's own queue as the navigation bar shows it on every page, as
 * {@code @myQueue}: how many of their customers wait past the answer target.
 */
@Component("myQueue")
class MyQueue {

	private final Cases cases;

	private final Clock clock;

	MyQueue(Cases cases, Clock clock) {
		this.cases = cases;
		this.clock = clock;
	}

	// Public for the templates' expressions, which see public methods only.
	public long overdue() {
		Authentication who = SecurityContextHolder.getContext().getAuthentication();
		if (who == null || !who.isAuthenticated()) {
			return 0;
		}
		return this.cases.count(new CaseQuery(null, null, null, who.getName(), false, null, null, null, null, null,
				this.clock.instant(), null, 1, 0));
	}

}

package io.rootcase.web;

import io.rootcase.staff.AgentAccessChanged;
import io.rootcase.staff.AgentDeactivated;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends every console session of an agent who left or whose access changed, on every node:
 * sessions are rows in the database (Spring Session JDBC), found by the name signed in
 * with. Once the change is committed, so a refused change leaves the sessions alone.
 */
@Component
class SessionEnding {

	private final FindByIndexNameSessionRepository<?> sessions;

	SessionEnding(FindByIndexNameSessionRepository<?> sessions) {
		this.sessions = sessions;
	}

	@TransactionalEventListener
	void on(AgentAccessChanged changed) {
		end(changed.username());
	}

	@TransactionalEventListener
	void on(AgentDeactivated left) {
		end(left.username());
	}

	private void end(String username) {
		this.sessions.findByPrincipalName(username).keySet().forEach(this.sessions::deleteById);
	}

}

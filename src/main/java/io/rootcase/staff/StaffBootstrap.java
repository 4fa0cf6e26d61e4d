package io.rootcase.staff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator of a production installation from
 * {@code rootcase.bootstrap.admin-username} and {@code rootcase.bootstrap.admin-password}
 * (e.g. environment variables), once, while nobody can sign in yet; and, for deployment
 * automation, an admin API token from {@code rootcase.bootstrap.api-token} while no token
 * exists.
 */
@Component
@Order(0)
class StaffBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StaffBootstrap.class);

	private final Staff staff;

	private final String username;

	private final String password;

	private final ApiTokens tokens;

	private final String apiToken;

	StaffBootstrap(Staff staff, ApiTokens tokens, @Value("${rootcase.bootstrap.admin-username:admin}") String username,
			@Value("${rootcase.bootstrap.admin-password:}") String password,
			@Value("${rootcase.bootstrap.api-token:}") String apiToken) {
		this.staff = staff;
		this.tokens = tokens;
		this.username = username;
		this.password = password;
		this.apiToken = apiToken;
	}

	/**
	 * Several nodes started together on a new database all find nobody there: the first
	 * insert wins, and the others, refused by the key, start as usual instead of failing.
	 */
	@Override
	public void run(ApplicationArguments args) {
		if (!this.password.isBlank() && this.staff.agentCount() == 0) {
			try {
				this.staff.addAgent(this.username, "Administrator", this.password, Role.ADMIN, "support");
				log.info("Created the first administrator '{}'", this.username);
			}
			catch (DuplicateKeyException ex) {
				log.info("Another node created the first administrator '{}'", this.username);
			}
		}
		if (!this.apiToken.isBlank() && this.tokens.list().isEmpty()) {
			try {
				this.tokens.register("bootstrap", Role.ADMIN, this.apiToken, "bootstrap");
				log.info("Registered the bootstrap API token");
			}
			catch (DuplicateKeyException ex) {
				log.info("Another node registered the bootstrap API token");
			}
		}
	}

}

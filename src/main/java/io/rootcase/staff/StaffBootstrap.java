package io.rootcase.staff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator of a production installation from
 * {@code rootcase.bootstrap.admin-username} and {@code rootcase.bootstrap.admin-password}
 * (e.g. environment variables), once, while nobody can sign in yet.
 */
@Component
@Order(0)
class StaffBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StaffBootstrap.class);

	private final Staff staff;

	private final String username;

	private final String password;

	StaffBootstrap(Staff staff, @Value("${rootcase.bootstrap.admin-username:admin}") String username,
			@Value("${rootcase.bootstrap.admin-password:}") String password) {
		this.staff = staff;
		this.username = username;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.password.isBlank() || this.staff.agentCount() > 0) {
			return;
		}
		this.staff.addAgent(this.username, "Administrator", this.password, Role.ADMIN, "support");
		log.info("Created the first administrator '{}'", this.username);
	}

}

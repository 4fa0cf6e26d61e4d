package io.rootcase;

import io.rootcase.staff.ApiTokens;
import io.rootcase.staff.Role;
import io.rootcase.staff.Staff;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A clean schema and a known staff for the integration tests.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestFixtures {

	public static final String PASSWORD = "test-password";

	public static final String AGENT_TOKEN = "rc_test_agent_0123456789abcdef";

	public static final String MANAGER_TOKEN = "rc_test_manager_0123456789abcdef";

	public static final String ADMIN_TOKEN = "rc_test_admin_0123456789abcdef";

	@Bean
	@Primary
	TestClock testClock() {
		return new TestClock();
	}

	@Bean
	FlakyWork flakyWork(ApplicationEventPublisher events, TransactionTemplate transactions, JdbcClient jdbc) {
		return new FlakyWork(events, transactions, jdbc);
	}

	@Bean
	FlywayMigrationStrategy cleanThenMigrate() {
		return flyway -> {
			flyway.clean();
			flyway.migrate();
		};
	}

	@Bean
	ApplicationRunner testStaff(Staff staff, ApiTokens tokens) {
		return args -> {
			staff.addTeam("finance", "Finance");
			// The teams that own the demo knowledge base's causes.
			staff.addTeam("product", "Product");
			staff.addTeam("network", "Network");
			staff.addTeam("shipping", "Shipping");
			staff.addAgent("alice", "Alice Agent", PASSWORD, Role.AGENT, "support");
			staff.addAgent("bob", "Bob Agent", PASSWORD, Role.AGENT, "support");
			staff.addAgent("fiona", "Fiona Finance", PASSWORD, Role.AGENT, "finance");
			staff.addAgent("maria", "Maria Manager", PASSWORD, Role.MANAGER, "support");
			staff.addAgent("root", "Root Admin", PASSWORD, Role.ADMIN, null);
			tokens.register("test agent integration", Role.AGENT, AGENT_TOKEN, "test");
			tokens.register("test manager integration", Role.MANAGER, MANAGER_TOKEN, "test");
			tokens.register("test admin integration", Role.ADMIN, ADMIN_TOKEN, "test");
		};
	}

}

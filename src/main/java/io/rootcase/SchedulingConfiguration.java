package io.rootcase;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.task.ThreadPoolTaskExecutorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs run on every node, but a job that must run once cluster-wide takes a
 * ShedLock lock in the database (table {@code shedlock}, created by Flyway) first. Jobs
 * find their work in the database, so nothing is lost across restarts.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfiguration {

	/**
	 * Listeners (reason predictions, trend counts) run after intake on these threads; at
	 * a lower priority a burst's background work waits for the processor while requests
	 * are answered, instead of sharing it with them (docs/decisions/0014). Linux applies
	 * Java priorities only with {@code -XX:ThreadPriorityPolicy=1} (README, Production).
	 */
	@Bean
	ThreadPoolTaskExecutorCustomizer backgroundYieldsToRequests() {
		return executor -> executor.setThreadPriority(Thread.MIN_PRIORITY);
	}

	@Bean
	ExtensibleLockProvider lockProvider(DataSource dataSource) {
		// The database's clock, not the nodes', decides when a lock expires.
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

}

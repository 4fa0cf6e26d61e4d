package io.rootcase.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicLong;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.staff.ApiTokens;
import io.rootcase.staff.IssuedToken;
import io.rootcase.staff.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How long a token revoked on another node keeps working here, and that requests do not
 * wait for the look-up that refreshes a cached token.
 */
@RootcaseIntegrationTest
class ApiTokenIntrospectorTests {

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	final AtomicLong nanos = new AtomicLong();

	/**
	 * Refreshes (and the cache's upkeep) wait here until the test lets them run: a
	 * request answered while one waits did not wait for the look-up.
	 */
	final Queue<Runnable> refreshes = new ArrayDeque<>();

	ApiTokenIntrospector introspector() {
		return new ApiTokenIntrospector(this.tokens, Duration.ofSeconds(10), this.nanos::get, this.refreshes::add);
	}

	void refreshesRun() {
		while (!this.refreshes.isEmpty()) {
			this.refreshes.poll().run();
		}
	}

	void revokedElsewhere(IssuedToken issued) {
		this.jdbc.sql("update api_tokens set revoked_at = current_timestamp where id = ?")
			.param(issued.token().id())
			.update();
	}

	void after(Duration elapsed) {
		this.nanos.addAndGet(elapsed.toNanos());
	}

	@Test
	void aTokenRevokedOnAnotherNodeIsRefusedOnceItsCachedAnswerHasBeenRefreshed() {
		IssuedToken issued = this.tokens.issue("refresh-" + System.nanoTime(), Role.AGENT, "test");
		ApiTokenIntrospector introspector = introspector();
		assertThat(introspector.introspect(issued.secret()).getName()).startsWith("api:refresh-");
		revokedElsewhere(issued);

		after(Duration.ofSeconds(9));
		assertThat(introspector.introspect(issued.secret())).as("still within the cache's 10 s").isNotNull();
		after(Duration.ofSeconds(2));
		assertThat(introspector.introspect(issued.secret())).as("served while the refresh looks it up").isNotNull();
		refreshesRun();
		assertThatThrownBy(() -> introspector.introspect(issued.secret())).isInstanceOf(BadOpaqueTokenException.class);
	}

	@Test
	void aCachedAnswerUnusedForAMinuteIsLookedUpBeforeItIsUsed() {
		IssuedToken issued = this.tokens.issue("expiry-" + System.nanoTime(), Role.AGENT, "test");
		ApiTokenIntrospector introspector = introspector();
		introspector.introspect(issued.secret());
		revokedElsewhere(issued);

		after(Duration.ofSeconds(61));
		assertThatThrownBy(() -> introspector.introspect(issued.secret())).isInstanceOf(BadOpaqueTokenException.class);
	}

}

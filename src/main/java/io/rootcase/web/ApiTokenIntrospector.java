package io.rootcase.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.rootcase.staff.ApiTokenRevoked;
import io.rootcase.staff.ApiTokens;
import io.rootcase.staff.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/**
 * Resolves an API token to its integration and role. Every API request carries a token,
 * so answers are cached briefly: a revocation takes effect at once on the node that made
 * it and within {@code rootcase.api.token-cache} (default 10 s) on the others, give or
 * take the one request that starts the refresh.
 * <p>
 * An answer older than that is refreshed in the background while requests go on with it;
 * only one unused for six times as long is looked up again while they wait. With a plain
 * expiry, every request of a busy integration waited for the one that looked the token up
 * again, every ten seconds: the intake benchmark's slowest requests at 200 contacts/s
 * (docs/benchmarks.md).
 */
@Component
class ApiTokenIntrospector implements OpaqueTokenIntrospector {

	private final ApiTokens tokens;

	private final LoadingCache<String, Optional<OAuth2AuthenticatedPrincipal>> cache;

	@Autowired
	ApiTokenIntrospector(ApiTokens tokens, @Value("${rootcase.api.token-cache:PT10S}") Duration ttl) {
		this(tokens, ttl, Ticker.systemTicker(), ForkJoinPool.commonPool());
	}

	/** With the cache's time and the refreshes' thread given, for tests. */
	ApiTokenIntrospector(ApiTokens tokens, Duration ttl, Ticker ticker, Executor refreshes) {
		this.tokens = tokens;
		this.cache = Caffeine.newBuilder()
			.refreshAfterWrite(ttl)
			.expireAfterWrite(ttl.multipliedBy(6))
			.maximumSize(10_000)
			.ticker(ticker)
			.executor(refreshes)
			.build(this::lookUp);
	}

	@Override
	public OAuth2AuthenticatedPrincipal introspect(String secret) {
		return this.cache.get(secret).orElseThrow(() -> new BadOpaqueTokenException("unknown or revoked token"));
	}

	private Optional<OAuth2AuthenticatedPrincipal> lookUp(String secret) {
		return this.tokens.authenticate(secret)
			.map(token -> new DefaultOAuth2AuthenticatedPrincipal("api:" + token.name(),
					Map.of("token_id", token.id().toString(), "token_name", token.name()), authorities(token.role())));
	}

	@EventListener
	void on(ApiTokenRevoked revoked) {
		this.cache.asMap()
			.entrySet()
			.removeIf(e -> e.getValue()
				.map(p -> revoked.tokenId().toString().equals(p.getAttribute("token_id")))
				.orElse(false));
	}

	static List<GrantedAuthority> authorities(Role role) {
		return role.granted().stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
	}

}

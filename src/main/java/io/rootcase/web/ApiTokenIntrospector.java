package io.rootcase.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rootcase.staff.ApiTokenRevoked;
import io.rootcase.staff.ApiTokens;
import io.rootcase.staff.Role;

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
 * it and within {@code rootcase.api.token-cache} (default 10 s) on the others.
 */
@Component
class ApiTokenIntrospector implements OpaqueTokenIntrospector {

	private final ApiTokens tokens;

	private final Cache<String, Optional<OAuth2AuthenticatedPrincipal>> cache;

	ApiTokenIntrospector(ApiTokens tokens, @Value("${rootcase.api.token-cache:PT10S}") Duration ttl) {
		this.tokens = tokens;
		this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
	}

	@Override
	public OAuth2AuthenticatedPrincipal introspect(String secret) {
		return this.cache.get(secret, this::lookUp)
			.orElseThrow(() -> new BadOpaqueTokenException("unknown or revoked token"));
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

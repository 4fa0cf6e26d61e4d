package io.rootcase.web;

import java.io.IOException;
import java.util.Map;

import io.rootcase.staff.Role;
import io.rootcase.staff.Staff;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors: the API at {@code /api/**} takes per-integration bearer tokens and never a
 * session; the console takes a form login with CSRF protection. Roles nest: a manager is
 * also an agent, an admin also a manager.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, OpaqueTokenIntrospector tokens, JsonMapper json) throws Exception {
		AuthenticationEntryPoint unauthenticated = (request, response, ex) -> problem(response, json,
				HttpStatus.UNAUTHORIZED, "Send a valid API token as 'Authorization: Bearer <token>'.");
		AccessDeniedHandler denied = (request, response, ex) -> problem(response, json, HttpStatus.FORBIDDEN,
				"This token's role may not do this.");
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> auth.requestMatchers("/api/admin/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers("/api/contacts/import")
				.hasRole(Role.MANAGER.name())
				.requestMatchers("/api/metrics/**")
				.hasRole(Role.MANAGER.name())
				.requestMatchers(HttpMethod.POST, "/api/cases/*/resolution/on-behalf")
				.hasRole(Role.MANAGER.name())
				.requestMatchers(HttpMethod.POST, "/api/knowledge-base", "/api/knowledge-base/**")
				.hasRole(Role.MANAGER.name())
				.requestMatchers(HttpMethod.POST, "/api/reasons", "/api/reasons/*/merge", "/api/reasons/*/retire",
						"/api/reasons/*/reinstate", "/api/reasons/examples", "/api/reasons/models",
						"/api/reasons/models/**")
				.hasRole(Role.MANAGER.name())
				.requestMatchers(HttpMethod.PUT, "/api/reasons/*")
				.hasRole(Role.MANAGER.name())
				.requestMatchers(HttpMethod.POST, "/api/trends/**")
				.hasRole(Role.MANAGER.name())
				.anyRequest()
				.hasRole(Role.AGENT.name()))
			.oauth2ResourceServer(rs -> rs.opaqueToken(t -> t.introspector(tokens))
				.authenticationEntryPoint(unauthenticated)
				.accessDeniedHandler(denied))
			.exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Bearer tokens are not sent by browsers on their own, so there is no CSRF to
			// defend.
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain console(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error", "/status/**",
					"/known-issues/**")
			.permitAll()
			.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus")
			.permitAll()
			.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers("/import", "/knowledge-base", "/knowledge-base/**", "/cases/*/resolution/on-behalf",
					"/metrics", "/reasons", "/reasons/**", "/trends", "/trends/**")
			.hasRole(Role.MANAGER.name())
			.anyRequest()
			.hasRole(Role.AGENT.name()))
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler(signInRefused())
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
		return http.build();
	}

	/** A paused sign-in says so; any other refusal says only that it was refused. */
	private static AuthenticationFailureHandler signInRefused() {
		ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
		handler.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?paused"));
		handler.setDefaultFailureUrl("/login?error");
		return handler;
	}

	/**
	 * Spring Security's own observations (a timer around every filter, authentication and
	 * authorization) are off: they took about a tenth of an API request's processor time
	 * (docs/benchmarks.md, intake) and say nothing operators need that the per-request
	 * {@code http.server.requests} metric, with its 401 and 403 statuses, does not.
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	UserDetailsService agents(Staff staff) {
		return username -> {
			var agent = staff.agent(username)
				.filter(a -> a.active())
				.orElseThrow(() -> new UsernameNotFoundException(username));
			String hash = staff.passwordHashOf(username).orElseThrow(() -> new UsernameNotFoundException(username));
			return User.withUsername(agent.username())
				.password(hash)
				.accountLocked(staff.signInPaused(username))
				.authorities(ApiTokenIntrospector.authorities(agent.role()))
				.build();
		};
	}

	private static void problem(HttpServletResponse response, JsonMapper json, HttpStatus status, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}

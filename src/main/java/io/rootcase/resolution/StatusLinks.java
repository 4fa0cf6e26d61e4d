package io.rootcase.resolution;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.rootcase.shared.DbTime;
import io.rootcase.shared.Secrets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer's status links: one unguessable token per message that carries a link,
 * stored only as its SHA-256 hash, valid for one case until it expires. A leaked database
 * gives no working link.
 */
@Component
class StatusLinks {

	enum Check {

		VALID, EXPIRED, INVALID

	}

	private final JdbcClient jdbc;

	private final Duration validity;

	StatusLinks(JdbcClient jdbc, @Value("${rootcase.resolution.link-validity:P60D}") Duration validity) {
		this.jdbc = jdbc;
		this.validity = validity;
	}

	/** A new token for the case's status link. */
	String issue(UUID caseId, Instant now) {
		String token = Secrets.random();
		this.jdbc.sql("insert into case_status_links (token_hash, case_id, issued_at, expires_at) values (?, ?, ?, ?)")
			.params(Secrets.digest(token), caseId, DbTime.toDb(now), DbTime.toDb(now.plus(this.validity)))
			.update();
		return token;
	}

	/**
	 * Whether a token opens this case's status: a token of another case, or none at all,
	 * is invalid.
	 */
	Check check(UUID caseId, String token, Instant now) {
		if (token == null || token.length() > 100) {
			return Check.INVALID;
		}
		Optional<Instant> expires = this.jdbc
			.sql("select expires_at from case_status_links where token_hash = ? and case_id = ?")
			.params(Secrets.digest(token), caseId)
			.query((rs, n) -> DbTime.fromDb(rs, "expires_at"))
			.optional();
		if (expires.isEmpty()) {
			return Check.INVALID;
		}
		return expires.get().isAfter(now) ? Check.VALID : Check.EXPIRED;
	}

}

package io.rootcase.staff;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.rootcase.shared.DbTime;
import io.rootcase.shared.Ids;
import io.rootcase.shared.Secrets;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, checks and revokes API tokens.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "rc_";

	static final int MIN_SECRET_LENGTH = 24;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ApiTokens(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	public IssuedToken issue(String name, Role role, String createdBy) {
		return register(name, role, PREFIX + Secrets.random(), createdBy);
	}

	/**
	 * Registers a secret chosen elsewhere (the demo's published token, or one an operator
	 * generated). It must be long enough to resist guessing.
	 */
	@Transactional
	public IssuedToken register(String name, Role role, String secret, String createdBy) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new StaffException("a token needs a name of at most 100 characters");
		}
		if (role == null) {
			throw new StaffException("a token needs a role: agent, manager or admin");
		}
		if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
			throw new StaffException("a token secret has at least " + MIN_SECRET_LENGTH + " characters");
		}
		ApiToken token = new ApiToken(Ids.next(), name.strip(), role, createdBy, this.clock.instant(), null);
		this.jdbc.sql("""
				insert into api_tokens (id, name, token_hash, role, created_by, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(token.id(), token.name(), hash(secret), role.name(), createdBy, DbTime.toDb(token.createdAt()))
			.update();
		return new IssuedToken(token, secret);
	}

	/** The active token with this secret, if any. */
	@Transactional(readOnly = true)
	public Optional<ApiToken> authenticate(String secret) {
		if (secret == null || secret.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc.sql("select " + COLUMNS + " from api_tokens where token_hash = ? and revoked_at is null")
			.param(hash(secret))
			.query((rs, n) -> token(rs))
			.optional();
	}

	@Transactional(readOnly = true)
	public List<ApiToken> list() {
		return this.jdbc.sql("select " + COLUMNS + " from api_tokens order by created_at")
			.query((rs, n) -> token(rs))
			.list();
	}

	@Transactional
	public ApiToken revoke(UUID id) {
		int updated = this.jdbc.sql("update api_tokens set revoked_at = ? where id = ? and revoked_at is null")
			.params(DbTime.toDb(this.clock.instant()), id)
			.update();
		if (updated == 0) {
			throw new StaffException("no active token " + id);
		}
		this.events.publishEvent(new ApiTokenRevoked(id));
		return this.jdbc.sql("select " + COLUMNS + " from api_tokens where id = ?")
			.param(id)
			.query((rs, n) -> token(rs))
			.single();
	}

	private static final String COLUMNS = "id, name, role, created_by, created_at, revoked_at";

	private static ApiToken token(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"), Role.valueOf(rs.getString("role")),
				rs.getString("created_by"), DbTime.fromDb(rs, "created_at"), DbTime.fromDb(rs, "revoked_at"));
	}

	static String hash(String secret) {
		return Secrets.digest(secret);
	}

}

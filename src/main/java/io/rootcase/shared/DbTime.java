package io.rootcase.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from {@code timestamp with time zone} columns. The PostgreSQL driver
 * binds {@link OffsetDateTime} but not {@link Instant}, so every adapter goes through
 * here to stay portable between H2 and PostgreSQL.
 */
public final class DbTime {

	private DbTime() {
	}

	public static OffsetDateTime toDb(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	public static Instant fromDb(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}

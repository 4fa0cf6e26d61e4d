package io.rootcase.demo;

import java.time.Instant;
import java.util.Optional;

import io.rootcase.shared.DbTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When the demo dataset's load started and whether it finished: the load plays thousands
 * of contacts through the services, each in its own transaction, so a process stopped
 * half-way leaves half a demo that the next start must not take for a whole one.
 */
@Repository
class DemoLoads {

	private static final String DEMO = "demo";

	private final JdbcClient jdbc;

	DemoLoads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void started(Instant at) {
		this.jdbc.sql("delete from demo_loads where name = ?").param(DEMO).update();
		this.jdbc.sql("insert into demo_loads (name, started_at) values (?, ?)").params(DEMO, DbTime.toDb(at)).update();
	}

	void finished(Instant at) {
		this.jdbc.sql("update demo_loads set finished_at = ? where name = ?").params(DbTime.toDb(at), DEMO).update();
	}

	/** When a load that never finished started; empty if none did or it finished. */
	Optional<Instant> unfinishedSince() {
		return this.jdbc.sql("select started_at from demo_loads where name = ? and finished_at is null")
			.param(DEMO)
			.query((rs, row) -> DbTime.fromDb(rs, "started_at"))
			.optional();
	}

}

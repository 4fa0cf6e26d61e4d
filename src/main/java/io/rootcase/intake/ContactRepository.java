package io.rootcase.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.rootcase.customers.IdentityKind;
import io.rootcase.shared.Channel;
import io.rootcase.shared.DbTime;
import io.rootcase.shared.Direction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ContactRepository {

	private static final String COLUMNS = """
			id, channel, direction, occurred_at, received_at, customer_id, case_id, identity_kind, identity_value,
			author, body, external_id""";

	private final JdbcClient jdbc;

	ContactRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Contact c) {
		this.jdbc.sql("insert into contacts (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(c.id(), c.channel().name(), c.direction().name(), DbTime.toDb(c.occurredAt()),
					DbTime.toDb(c.receivedAt()), c.customerId(), c.caseId(),
					c.identityKind() == null ? null : c.identityKind().name(), c.identityValue(), c.author(), c.text(),
					c.externalId())
			.update();
	}

	Optional<Contact> findByExternalId(Channel channel, String externalId) {
		return this.jdbc.sql("select " + COLUMNS + " from contacts where channel = ? and external_id = ?")
			.params(channel.name(), externalId)
			.query((rs, n) -> contact(rs))
			.optional();
	}

	Optional<Contact> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from contacts where id = ?")
			.param(id)
			.query((rs, n) -> contact(rs))
			.optional();
	}

	List<Contact> ofCustomer(UUID customerId) {
		return this.jdbc.sql("select " + COLUMNS + " from contacts where customer_id = ? order by occurred_at, id")
			.param(customerId)
			.query((rs, n) -> contact(rs))
			.list();
	}

	List<Contact> ofCase(UUID caseId) {
		return this.jdbc.sql("select " + COLUMNS + " from contacts where case_id = ? order by occurred_at, id")
			.param(caseId)
			.query((rs, n) -> contact(rs))
			.list();
	}

	int moveCustomer(UUID from, UUID to) {
		return this.jdbc.sql("update contacts set customer_id = ? where customer_id = ?").params(to, from).update();
	}

	long count() {
		return this.jdbc.sql("select count(*) from contacts").query(Long.class).single();
	}

	private static Contact contact(ResultSet rs) throws SQLException {
		String kind = rs.getString("identity_kind");
		return new Contact(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")),
				Direction.valueOf(rs.getString("direction")), DbTime.fromDb(rs, "occurred_at"),
				DbTime.fromDb(rs, "received_at"), rs.getObject("customer_id", UUID.class),
				rs.getObject("case_id", UUID.class), kind == null ? null : IdentityKind.valueOf(kind),
				rs.getString("identity_value"), rs.getString("author"), rs.getString("body"),
				rs.getString("external_id"));
	}

}

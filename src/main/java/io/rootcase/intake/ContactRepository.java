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

	/** The channel's id of the customer's latest message on a case on that channel. */
	Optional<String> latestInboundExternalId(UUID caseId, Channel channel) {
		return this.jdbc.sql("""
				select external_id from contacts
				where case_id = ? and channel = ? and direction = 'INBOUND' and external_id is not null
				order by occurred_at desc, received_at desc fetch first 1 rows only""")
			.params(caseId, channel.name())
			.query(String.class)
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
		this.jdbc.sql("update contact_moves set customer_id = ? where customer_id = ?").params(to, from).update();
		return this.jdbc.sql("update contacts set customer_id = ? where customer_id = ?").params(to, from).update();
	}

	long countOfCase(UUID caseId) {
		return this.jdbc.sql("select count(*) from contacts where case_id = ?")
			.param(caseId)
			.query(Long.class)
			.single();
	}

	/**
	 * Whether another inbound contact on the contact's case came at the same time or
	 * later.
	 */
	boolean customerWordsOnCaseSince(Contact contact) {
		return this.jdbc.sql("""
				select count(*) from contacts
				where case_id = ? and direction = 'INBOUND' and occurred_at >= ? and id <> ?""")
			.params(contact.caseId(), DbTime.toDb(contact.occurredAt()), contact.id())
			.query(Long.class)
			.single() > 0;
	}

	void moveToCase(ContactMove move, UUID id) {
		this.jdbc.sql("update contacts set case_id = ? where id = ?")
			.params(move.toCaseId(), move.contactId())
			.update();
		this.jdbc.sql("""
				insert into contact_moves (id, contact_id, customer_id, from_case_id, to_case_id, moved_by, moved_at,
				  reason)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, move.contactId(), move.customerId(), move.fromCaseId(), move.toCaseId(), move.movedBy(),
					DbTime.toDb(move.movedAt()), move.reason())
			.update();
	}

	List<ContactMove> movesOfCustomer(UUID customerId) {
		return this.jdbc.sql("""
				select contact_id, customer_id, from_case_id, to_case_id, moved_by, moved_at, reason
				from contact_moves where customer_id = ? order by moved_at, id""")
			.param(customerId)
			.query((rs, n) -> new ContactMove(rs.getObject("contact_id", UUID.class),
					rs.getObject("customer_id", UUID.class), rs.getObject("from_case_id", UUID.class),
					rs.getObject("to_case_id", UUID.class), rs.getString("moved_by"), DbTime.fromDb(rs, "moved_at"),
					rs.getString("reason")))
			.list();
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

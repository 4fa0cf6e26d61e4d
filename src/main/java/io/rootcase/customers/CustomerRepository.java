package io.rootcase.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.rootcase.shared.DbTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CustomerRepository {

	private static final int IDS_PER_QUERY = 1000;

	private final JdbcClient jdbc;

	CustomerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Customer> findById(UUID id) {
		return this.jdbc.sql("select id, display_name, created_at, merged_into, erased_at from customers where id = ?")
			.param(id)
			.query((rs, n) -> row(rs))
			.optional()
			.map(this::hydrate);
	}

	/**
	 * Locks the customer row so that two contacts of one customer thread one at a time.
	 */
	void lock(UUID id) {
		this.jdbc.sql("select id from customers where id = ? for update").param(id).query(UUID.class).optional();
	}

	/**
	 * Who owns each of these identities, in one query, with whether the owner's name is
	 * known, so the common case (a known customer) needs nothing more.
	 */
	Map<Identity, Owner> ownersOf(Collection<Identity> identities) {
		if (identities.isEmpty()) {
			return Map.of();
		}
		List<Object> params = new ArrayList<>();
		for (Identity identity : identities) {
			params.add(identity.kind().name());
			params.add(identity.value());
		}
		Map<Identity, Owner> owners = new HashMap<>();
		this.jdbc.sql(ownersQuery(identities.size()))
			.params(params)
			.query((rs, n) -> Map.entry(
					new Identity(IdentityKind.valueOf(rs.getString("kind")), rs.getString("identity_value")),
					new Owner(rs.getObject("customer_id", UUID.class), rs.getString("display_name") != null)))
			.list()
			.forEach(e -> owners.put(e.getKey(), e.getValue()));
		return owners;
	}

	/**
	 * A row-value IN, not ORed pairs: H2 scans the whole identity table for the OR of two
	 * pairs (every contact then costs more as customers grow), while both databases look
	 * each pair up by the primary key this way.
	 */
	static String ownersQuery(int identities) {
		return """
				select i.kind, i.identity_value, i.customer_id, c.display_name
				from customer_identities i join customers c on c.id = i.customer_id
				where (i.kind, i.identity_value) in (%s)
				""".formatted(String.join(", ", Collections.nCopies(identities, "(?, ?)")));
	}

	record Owner(UUID customerId, boolean named) {
	}

	void insert(Customer customer) {
		this.jdbc.sql("insert into customers (id, display_name, created_at) values (?, ?, ?)")
			.params(customer.id(), customer.displayName(), DbTime.toDb(customer.createdAt()))
			.update();
		for (Identity identity : customer.identities()) {
			insertIdentity(customer.id(), identity, customer.createdAt());
		}
	}

	void insertIdentity(UUID customerId, Identity identity, Instant at) {
		this.jdbc
			.sql("insert into customer_identities (kind, identity_value, customer_id, added_at) values (?, ?, ?, ?)")
			.params(identity.kind().name(), identity.value(), customerId, DbTime.toDb(at))
			.update();
	}

	void updateName(Customer customer) {
		this.jdbc.sql("update customers set display_name = ? where id = ?")
			.params(customer.displayName(), customer.id())
			.update();
	}

	void putAttribute(UUID customerId, String name, String value) {
		int updated = this.jdbc
			.sql("update customer_attributes set attribute_value = ? where customer_id = ? and name = ?")
			.params(value, customerId, name)
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into customer_attributes (customer_id, name, attribute_value) values (?, ?, ?)")
				.params(customerId, name, value)
				.update();
		}
	}

	void recordMerge(Customer survivor, Customer merged, CustomersMerged event) {
		this.jdbc.sql("update customer_identities set customer_id = ? where customer_id = ?")
			.params(survivor.id(), merged.id())
			.update();
		for (Map.Entry<String, String> attribute : survivor.attributes().entrySet()) {
			putAttribute(survivor.id(), attribute.getKey(), attribute.getValue());
		}
		this.jdbc.sql("delete from customer_attributes where customer_id = ?").param(merged.id()).update();
		updateName(survivor);
		this.jdbc.sql("update customers set merged_into = ?, merged_at = ?, merged_by = ? where id = ?")
			.params(survivor.id(), DbTime.toDb(event.occurredAt()), event.actor(), merged.id())
			.update();
	}

	/** Every record merged into the customer, directly or through another merged one. */
	List<UUID> mergedInto(UUID customerId) {
		List<UUID> found = new ArrayList<>();
		List<UUID> next = List.of(customerId);
		while (!next.isEmpty()) {
			next = this.jdbc.sql("select id from customers where merged_into in (:ids)")
				.param("ids", next)
				.query(UUID.class)
				.list();
			found.addAll(next);
		}
		return found;
	}

	/**
	 * Forgets the erased customer's name, identities and segment, and the names of the
	 * records merged into it (their identities and segment came over at the merge).
	 */
	void recordErasure(Customer erased, List<UUID> merged, String actor, String reason) {
		List<UUID> all = new ArrayList<>(merged);
		all.add(erased.id());
		this.jdbc.sql("delete from customer_identities where customer_id in (:ids)").param("ids", all).update();
		this.jdbc.sql("delete from customer_attributes where customer_id in (:ids)").param("ids", all).update();
		this.jdbc.sql("update customers set display_name = null where id in (:ids)").param("ids", all).update();
		this.jdbc.sql("update customers set erased_at = ?, erased_by = ?, erasure_reason = ? where id = ?")
			.params(DbTime.toDb(erased.erasedAt()), actor, reason, erased.id())
			.update();
	}

	List<UUID> search(String query, int limit) {
		String pattern = "%" + query.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "\\_")
				+ "%";
		return this.jdbc.sql("""
				select c.id from customers c
				where c.merged_into is null
				  and (lower(c.display_name) like :p
				       or exists (select 1 from customer_identities i
				                  where i.customer_id = c.id and lower(i.identity_value) like :p))
				order by c.display_name, c.id
				""").param("p", pattern).query(UUID.class).list().stream().limit(limit).toList();
	}

	long count() {
		return this.jdbc.sql("select count(*) from customers").query(Long.class).single();
	}

	List<UUID> inSegment(String attribute, String value) {
		return this.jdbc.sql("""
				select c.id from customers c join customer_attributes a on a.customer_id = c.id
				where c.merged_into is null and a.name = ? and a.attribute_value = ?
				order by c.id
				""").params(attribute, value).query(UUID.class).list();
	}

	/** The identities of many customers, a thousand per query. */
	Map<UUID, List<Identity>> identitiesOf(List<UUID> ids) {
		Map<UUID, List<Identity>> found = new LinkedHashMap<>();
		for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
			List<UUID> some = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
			this.jdbc
				.sql("select customer_id, kind, identity_value from customer_identities "
						+ "where customer_id in (:ids) order by added_at, kind")
				.param("ids", some)
				.query((ResultSet rs) -> {
					found.computeIfAbsent(rs.getObject("customer_id", UUID.class), id -> new ArrayList<>())
						.add(new Identity(IdentityKind.valueOf(rs.getString("kind")), rs.getString("identity_value")));
				});
		}
		return found;
	}

	private Customer hydrate(CustomerRow row) {
		Set<Identity> identities = new LinkedHashSet<>(this.jdbc
			.sql("select kind, identity_value from customer_identities where customer_id = ? order by added_at, kind")
			.param(row.id())
			.query((rs, n) -> new Identity(IdentityKind.valueOf(rs.getString("kind")), rs.getString("identity_value")))
			.list());
		Map<String, String> attributes = new LinkedHashMap<>();
		this.jdbc.sql("select name, attribute_value from customer_attributes where customer_id = ? order by name")
			.param(row.id())
			.query((rs, n) -> Map.entry(rs.getString("name"), rs.getString("attribute_value")))
			.list()
			.forEach(e -> attributes.put(e.getKey(), e.getValue()));
		return new Customer(row.id(), row.displayName(), row.createdAt(), identities, attributes, row.mergedInto(),
				row.erasedAt());
	}

	private static CustomerRow row(ResultSet rs) throws SQLException {
		return new CustomerRow(rs.getObject("id", UUID.class), rs.getString("display_name"),
				DbTime.fromDb(rs, "created_at"), rs.getObject("merged_into", UUID.class),
				DbTime.fromDb(rs, "erased_at"));
	}

	private record CustomerRow(UUID id, String displayName, Instant createdAt, UUID mergedInto, Instant erasedAt) {
	}

	List<Customer> findAll(Collection<UUID> ids) {
		List<Customer> customers = new ArrayList<>();
		for (UUID id : ids) {
			findById(id).ifPresent(customers::add);
		}
		return customers;
	}

}

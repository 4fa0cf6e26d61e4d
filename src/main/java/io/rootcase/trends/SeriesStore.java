package io.rootcase.trends;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import io.rootcase.shared.DbTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Trend facts and the counts kept from them. Counts change by deltas in the same
 * transaction as the fact they come from, so a count is always the number of facts in its
 * bucket.
 */
@Repository
class SeriesStore {

	static final String HOUR = "HOUR";

	static final String DAY = "DAY";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	SeriesStore(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Locks a case's counting until the transaction ends: counting a new contact and
	 * moving a case's contacts to another reason then happen one after the other, each
	 * reading the case as the other left it.
	 */
	void lockCase(UUID caseId) {
		this.jdbc.sql("insert into trend_case_locks (case_id) values (?) on conflict do nothing")
			.param(caseId)
			.update();
		this.jdbc.sql("select case_id from trend_case_locks where case_id = ? for update")
			.param(caseId)
			.query(UUID.class)
			.single();
	}

	boolean has(UUID contactId) {
		return this.jdbc.sql("select count(*) from trend_contacts where contact_id = ?")
			.param(contactId)
			.query(Long.class)
			.single() > 0;
	}

	void insert(TrendFact fact) {
		this.jdbc
			.sql("insert into trend_contacts (contact_id, case_id, hour_start, reason_key, cause_key, segments) "
					+ "values (?, ?, ?, ?, ?, ?)")
			.params(fact.contactId(), fact.caseId(), DbTime.toDb(fact.hour()), fact.reason(), fact.cause(),
					fact.segmentLines())
			.update();
	}

	void moveToCase(UUID contactId, UUID caseId) {
		this.jdbc.sql("update trend_contacts set case_id = ? where contact_id = ?").params(caseId, contactId).update();
	}

	void reclassify(TrendFact fact) {
		this.jdbc.sql("update trend_contacts set reason_key = ?, cause_key = ? where contact_id = ?")
			.params(fact.reason(), fact.cause(), fact.contactId())
			.update();
	}

	/** The cases with contacts counted under the reason. */
	List<UUID> casesCountedUnder(String reasonKey) {
		return this.jdbc.sql("select distinct case_id from trend_contacts where reason_key = ?")
			.param(reasonKey)
			.query(UUID.class)
			.list();
	}

	/**
	 * A case's facts, locked until the transaction ends so two nodes do not both move
	 * them.
	 */
	List<TrendFact> ofCaseForUpdate(UUID caseId) {
		return this.jdbc
			.sql("select contact_id, case_id, hour_start, reason_key, cause_key, segments from trend_contacts "
					+ "where case_id = ? order by contact_id for update")
			.param(caseId)
			.query((rs, n) -> new TrendFact(rs.getObject("contact_id", UUID.class), rs.getObject("case_id", UUID.class),
					DbTime.fromDb(rs, "hour_start"), rs.getString("reason_key"), rs.getString("cause_key"),
					TrendFact.segmentsOf(rs.getString("segments"))))
			.list();
	}

	/** What one contact adds to (or takes from) the series of its hour. */
	record Change(Map<SeriesKey, Integer> deltas, Instant hour) {
	}

	void add(Map<SeriesKey, Integer> deltas, Instant hour) {
		add(List.of(new Change(deltas, hour)));
	}

	/**
	 * Adds to the hourly and daily counts of each series, in two batches (a contact
	 * touches up to a dozen buckets; one round trip each would cost more than the
	 * contact's intake): missing buckets created, then the additions made under the rows'
	 * locks. Both go in one global order of buckets, whatever contacts and hours they
	 * come from, so nodes counting at once never wait for each other in a circle: a case
	 * whose contacts move to another reason is moved in one batch, not one per contact
	 * (per contact, two cases moved at once deadlocked on PostgreSQL).
	 */
	void add(List<Change> changesToMake) {
		Map<Bucket, Integer> ordered = new TreeMap<>(
				Comparator.comparing(Bucket::series).thenComparing(Bucket::granularity).thenComparing(Bucket::start));
		for (Change change : changesToMake) {
			change.deltas().forEach((series, delta) -> {
				if (delta != 0) {
					Bucket.of(series, change.hour()).forEach(b -> ordered.merge(b, delta, Integer::sum));
				}
			});
		}
		ordered.values().removeIf(delta -> delta == 0);
		if (ordered.isEmpty()) {
			return;
		}
		List<Map.Entry<Bucket, Integer>> changes = new ArrayList<>(ordered.entrySet());
		this.batch.batchUpdate("insert into trend_counts (series_key, granularity, bucket_start, contacts) "
				+ "values (?, ?, ?, 0) on conflict do nothing", changes, changes.size(), (ps, change) -> {
					ps.setString(1, change.getKey().series());
					ps.setString(2, change.getKey().granularity());
					ps.setObject(3, DbTime.toDb(change.getKey().start()));
				});
		this.batch.batchUpdate("update trend_counts set contacts = contacts + ? where series_key = ? "
				+ "and granularity = ? and bucket_start = ?", changes, changes.size(), (ps, change) -> {
					ps.setInt(1, change.getValue());
					ps.setString(2, change.getKey().series());
					ps.setString(3, change.getKey().granularity());
					ps.setObject(4, DbTime.toDb(change.getKey().start()));
				});
	}

	/** Hourly counts from {@code from} (inclusive) of every series, by series. */
	Map<String, Map<Instant, Long>> hourly(Instant from, Instant to) {
		return counts(HOUR, from, to, null);
	}

	/** Daily counts from {@code from} (inclusive) of every series, by series. */
	Map<String, Map<Instant, Long>> daily(Instant from, Instant to) {
		return counts(DAY, from, to, null);
	}

	/** Counts of one series, hourly or daily. */
	Map<Instant, Long> counts(String series, String granularity, Instant from, Instant to) {
		return counts(granularity, from, to, series).getOrDefault(series, Map.of());
	}

	private Map<String, Map<Instant, Long>> counts(String granularity, Instant from, Instant to, String series) {
		Map<String, Map<Instant, Long>> counts = new HashMap<>();
		Map<String, Object> params = new HashMap<>();
		params.put("granularity", granularity);
		params.put("from", DbTime.toDb(from));
		params.put("to", DbTime.toDb(to));
		if (series != null) {
			params.put("series", series);
		}
		this.jdbc
			.sql("select series_key, bucket_start, contacts from trend_counts where granularity = :granularity "
					+ "and bucket_start >= :from and bucket_start < :to and contacts > 0"
					+ (series == null ? "" : " and series_key = :series"))
			.params(params)
			.query(rs -> {
				counts.computeIfAbsent(rs.getString("series_key"), k -> new HashMap<>())
					.put(DbTime.fromDb(rs, "bucket_start"), rs.getLong("contacts"));
			});
		return counts;
	}

	/** Series with at least one contact since the instant, busiest first. */
	List<String> activeSince(Instant from) {
		return this.jdbc
			.sql("select series_key from trend_counts where granularity = 'DAY' and bucket_start >= ? "
					+ "group by series_key having sum(contacts) > 0 order by sum(contacts) desc, series_key")
			.param(DbTime.toDb(from))
			.query(String.class)
			.list();
	}

	/** Cases whose contacts in the period count toward the series. */
	List<UUID> casesIn(SeriesKey series, Instant from, Instant to, int limit) {
		StringBuilder sql = new StringBuilder(
				"select case_id, min(hour_start) as first_hour from trend_contacts where hour_start >= :from "
						+ "and hour_start < :to");
		Map<String, Object> params = new HashMap<>();
		params.put("from", DbTime.toDb(from));
		params.put("to", DbTime.toDb(to));
		if (series.reason() != null) {
			sql.append(" and reason_key = :reason");
			params.put("reason", series.reason());
		}
		if (series.cause() != null) {
			sql.append(" and cause_key = :cause");
			params.put("cause", series.cause());
		}
		if (series.segment()) {
			// Segments are attribute=value lines; the line is matched whole.
			sql.append(" and ('\n' || segments || '\n') like :segment");
			params.put("segment", "%\n" + series.attribute() + "=" + series.value() + "\n%");
		}
		sql.append(" group by case_id order by min(hour_start) desc limit :limit");
		params.put("limit", limit);
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> rs.getObject("case_id", UUID.class))
			.list();
	}

	Optional<Instant> firstCountedHour() {
		// min() answers one row, null when nothing was counted: optional() reads it as
		// empty.
		return this.jdbc
			.sql("select min(bucket_start) as first_hour from trend_counts where granularity = ? and contacts > 0")
			.param(HOUR)
			.query((rs, n) -> DbTime.fromDb(rs, "first_hour"))
			.optional();
	}

	Optional<Instant> testedThrough() {
		return this.jdbc.sql("select tested_through from trend_watch where id = 1")
			.query((rs, n) -> DbTime.fromDb(rs, "tested_through"))
			.optional();
	}

	void testedThrough(Instant hour) {
		if (this.jdbc.sql("update trend_watch set tested_through = ? where id = 1")
			.param(DbTime.toDb(hour))
			.update() == 0) {
			this.jdbc.sql("insert into trend_watch (id, tested_through) values (1, ?)")
				.param(DbTime.toDb(hour))
				.update();
		}
	}

	/**
	 * Stores facts at once, for a rebuild on emptied tables.
	 * @return the facts stored: those a listener stored meanwhile are left to it
	 */
	List<TrendFact> insertAll(List<TrendFact> facts) {
		int[][] stored = this.batch.batchUpdate(
				"insert into trend_contacts (contact_id, case_id, hour_start, reason_key, cause_key, segments) "
						+ "values (?, ?, ?, ?, ?, ?) on conflict do nothing",
				facts, 500, (ps, fact) -> {
					ps.setObject(1, fact.contactId());
					ps.setObject(2, fact.caseId());
					ps.setObject(3, DbTime.toDb(fact.hour()));
					ps.setString(4, fact.reason());
					ps.setString(5, fact.cause());
					ps.setString(6, fact.segmentLines());
				});
		List<TrendFact> inserted = new ArrayList<>();
		int i = 0;
		for (int[] chunk : stored) {
			for (int rows : chunk) {
				if (rows != 0) {
					inserted.add(facts.get(i));
				}
				i++;
			}
		}
		return inserted;
	}

	/** Writes counts into empty buckets, for a rebuild. */
	void insertCounts(Map<Bucket, Integer> counts) {
		this.batch.batchUpdate(
				"insert into trend_counts (series_key, granularity, bucket_start, contacts) values (?, ?, ?, ?)",
				new ArrayList<>(counts.entrySet()), 1000, (ps, count) -> {
					ps.setString(1, count.getKey().series());
					ps.setString(2, count.getKey().granularity());
					ps.setObject(3, DbTime.toDb(count.getKey().start()));
					ps.setInt(4, count.getValue());
				});
	}

	/** One series' hour or day. */
	record Bucket(String series, String granularity, Instant start) {

		static List<Bucket> of(SeriesKey series, Instant hour) {
			return List.of(new Bucket(series.key(), HOUR, hour),
					new Bucket(series.key(), DAY, hour.truncatedTo(ChronoUnit.DAYS)));
		}

	}

	/**
	 * Forgets every fact and count, and the detector's progress, before a rebuild.
	 */
	void clear() {
		this.jdbc.sql("delete from trend_counts").update();
		this.jdbc.sql("delete from trend_contacts").update();
		this.jdbc.sql("delete from trend_watch").update();
	}

	/**
	 * Every stored inbound contact with its case's reason and known root cause and its
	 * customer's attributes, read straight from the tables the contacts, cases and
	 * customers modules own: a rebuild reads everything at once, which those modules'
	 * one-at-a-time services would make slow. Paged by contact id, from the start when
	 * {@code after} is {@code null}.
	 */
	List<TrendFact> storedContacts(UUID after, int limit) {
		List<TrendFact> facts = new ArrayList<>();
		Map<UUID, Map<String, String>> attributes = new HashMap<>();
		List<Object[]> rows = this.jdbc
			.sql("select c.id, c.case_id, c.customer_id, c.occurred_at, k.contact_reason, k.root_cause_state, "
					+ "k.root_cause_key from contacts c join cases k on k.id = c.case_id "
					+ "where c.direction = 'INBOUND'" + (after == null ? "" : " and c.id > :after")
					+ " order by c.id limit :limit")
			.params(after == null ? Map.of("limit", limit) : Map.of("limit", limit, "after", after))
			.query((rs,
					n) -> new Object[] { rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
							rs.getObject("customer_id", UUID.class), DbTime.fromDb(rs, "occurred_at"),
							rs.getString("contact_reason"),
							"KNOWN".equals(rs.getString("root_cause_state")) ? rs.getString("root_cause_key") : null })
			.list();
		List<UUID> customers = rows.stream().map(r -> (UUID) r[2]).distinct().toList();
		if (!customers.isEmpty()) {
			this.jdbc
				.sql("select customer_id, name, attribute_value from customer_attributes "
						+ "where customer_id in (:ids)")
				.param("ids", customers)
				.query(rs -> {
					attributes.computeIfAbsent(rs.getObject("customer_id", UUID.class), k -> new HashMap<>())
						.put(rs.getString("name"), rs.getString("attribute_value"));
				});
		}
		for (Object[] r : rows) {
			facts.add(new TrendFact((UUID) r[0], (UUID) r[1], ((Instant) r[3]).truncatedTo(ChronoUnit.HOURS),
					(String) r[4], (String) r[5], attributes.getOrDefault((UUID) r[2], Map.of())));
		}
		return facts;
	}

}

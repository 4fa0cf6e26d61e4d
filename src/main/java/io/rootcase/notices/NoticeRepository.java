package io.rootcase.notices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.rootcase.resolution.CustomerStatus;
import io.rootcase.shared.Channel;
import io.rootcase.shared.DbTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NoticeRepository {

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	NoticeRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Stores a notice and its recipients; the recipients in batches, since a segment may
	 * hold thousands of customers.
	 */
	void insert(ProblemNotice notice) {
		this.jdbc.sql("""
				insert into problem_notices (id, problem_id, problem_reference, message, message_digest,
				  published_at, published_by, unreachable)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(notice.id(), notice.problemId(), notice.problemReference(), notice.message(), notice.digest(),
					DbTime.toDb(notice.publishedAt()), notice.publishedBy(), notice.unreachable())
			.update();
		this.batch.batchUpdate(
				"insert into notice_deliveries (notice_id, customer_id, case_id, channel, address) values (?, ?, ?, ?, ?)",
				notice.recipients(), BATCH, (ps, r) -> {
					ps.setObject(1, notice.id());
					ps.setObject(2, r.customerId());
					ps.setObject(3, r.caseId());
					ps.setString(4, r.channel().name());
					ps.setString(5, r.address());
				});
	}

	/**
	 * The problem's notices, newest first, each with who called about it since: read
	 * straight from the stored contacts and cases, like a problem's impact (decision
	 * 0010), one query for all of them.
	 */
	List<NoticeView> ofProblem(UUID problemId, String reasonKey, String rootCauseKey) {
		Map<String, Object> params = new HashMap<>();
		params.put("problem", problemId);
		params.put("reason", reasonKey);
		params.put("cause", rootCauseKey);
		return this.jdbc
			.sql("""
					select n.id, n.problem_reference, n.message, n.published_at, n.published_by, n.unreachable,
					  (select count(*) from notice_deliveries d where d.notice_id = n.id) as told,
					  (select count(*) from notice_deliveries d where d.notice_id = n.id and d.case_id is null) as before_call,
					  (select count(*) from notice_deliveries d where d.notice_id = n.id and d.case_id is null
					     and exists (select 1 from contacts k join cases c on c.id = k.case_id
					                 where k.customer_id = d.customer_id and k.direction = 'INBOUND'
					                   and k.occurred_at > n.published_at
					                   and (c.problem_id = n.problem_id or c.contact_reason = :reason
					                        or c.root_cause_key = :cause))) as called_since
					from problem_notices n where n.problem_id = :problem
					order by n.published_at desc, n.id
					""")
			.params(params)
			.query((rs, n) -> new NoticeView(rs.getObject("id", UUID.class), rs.getString("problem_reference"),
					rs.getString("message"), DbTime.fromDb(rs, "published_at"), rs.getString("published_by"),
					rs.getInt("told"), rs.getInt("before_call"), rs.getInt("unreachable"), rs.getInt("called_since"),
					null))
			.list();
	}

	List<CustomerStatus.News> messagesOf(UUID problemId) {
		return this.jdbc
			.sql("select published_at, message from problem_notices where problem_id = ? order by published_at, id")
			.param(problemId)
			.query((rs, n) -> new CustomerStatus.News(DbTime.fromDb(rs, "published_at"), rs.getString("message")))
			.list();
	}

	/** A page of whom a notice went to, in a stable order. */
	List<NoticeRecipient> recipients(UUID noticeId, int limit, int offset) {
		return this.jdbc.sql("""
				select customer_id, case_id, channel, address from notice_deliveries where notice_id = ?
				order by customer_id limit ? offset ?
				""")
			.params(noticeId, limit, offset)
			.query((rs, n) -> new NoticeRecipient(rs.getObject("customer_id", UUID.class),
					rs.getObject("case_id", UUID.class), Channel.valueOf(rs.getString("channel")),
					rs.getString("address")))
			.list();
	}

	Optional<String> pageToken(UUID problemId) {
		return this.jdbc.sql("select token from known_issue_pages where problem_id = ?")
			.param(problemId)
			.query(String.class)
			.optional();
	}

	Optional<UUID> problemOfPage(String token) {
		return this.jdbc.sql("select problem_id from known_issue_pages where token = ?")
			.param(token)
			.query(UUID.class)
			.optional();
	}

	void insertPage(UUID problemId, String token, Instant at) {
		this.jdbc.sql("insert into known_issue_pages (problem_id, token, created_at) values (?, ?, ?)")
			.params(problemId, token, DbTime.toDb(at))
			.update();
	}

	/** The customers any notice of the problem reached. */
	List<UUID> customersTold(UUID problemId) {
		return this.jdbc.sql("""
				select distinct d.customer_id from notice_deliveries d join problem_notices n on n.id = d.notice_id
				where n.problem_id = ? order by d.customer_id
				""").param(problemId).query(UUID.class).list();
	}

	boolean exists(UUID problemId, UUID noticeId) {
		return this.jdbc.sql("select count(*) from problem_notices where problem_id = ? and id = ?")
			.params(problemId, noticeId)
			.query(Integer.class)
			.single() > 0;
	}

	long countRecipients(UUID noticeId) {
		return this.jdbc.sql("select count(*) from notice_deliveries where notice_id = ?")
			.param(noticeId)
			.query(Long.class)
			.single();
	}

	List<CustomerNotice> ofCustomer(UUID customerId) {
		return this.jdbc.sql("""
				select n.id, n.problem_reference, n.message, n.published_at, n.published_by, d.case_id, d.channel,
				  d.address
				from notice_deliveries d join problem_notices n on n.id = d.notice_id
				where d.customer_id = ? order by n.published_at, n.id
				""").param(customerId).query(NoticeRepository::customerNotice).list();
	}

	private static CustomerNotice customerNotice(ResultSet rs, int row) throws SQLException {
		return new CustomerNotice(rs.getObject("id", UUID.class), rs.getString("problem_reference"),
				rs.getString("message"), DbTime.fromDb(rs, "published_at"), rs.getString("published_by"),
				rs.getObject("case_id", UUID.class), Channel.valueOf(rs.getString("channel")), rs.getString("address"));
	}

	/**
	 * Gives the merged customer's notices to the survivor; one told on both records keeps
	 * the survivor's delivery.
	 */
	void moveCustomer(UUID merged, UUID survivor) {
		this.jdbc.sql("""
				delete from notice_deliveries where customer_id = :merged
				  and notice_id in (select s.notice_id from notice_deliveries s where s.customer_id = :survivor)
				""").param("merged", merged).param("survivor", survivor).update();
		this.jdbc.sql("update notice_deliveries set customer_id = ? where customer_id = ?")
			.params(survivor, merged)
			.update();
	}

}

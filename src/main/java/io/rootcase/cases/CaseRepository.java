package io.rootcase.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;

import io.rootcase.cases.CaseHistory.Action;
import io.rootcase.cases.CaseHistory.Handover;
import io.rootcase.cases.CaseHistory.Transition;
import io.rootcase.shared.Channel;
import io.rootcase.shared.DbTime;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CaseRepository {

	private static final String TRANSITIONS = """
			select id, case_id, from_status, to_status, actor, reason, occurred_at, undoes from case_transitions
			""";

	private static final String COLUMNS = """
			id, case_number, customer_id, channel, subject, status, team_code, assignee, opened_at,
			last_activity_at, closed_at, contact_reason, contact_reason_source, root_cause_state, root_cause_key, problem_id,
			follows_case_id, handover_count, version, palliative_actions, cure_applied_for, resolution_outcome,
			resolution_proposed_at, reminder_sent_at, reopen_count, recurrence_of, recurrence_signal,
			customer_says_recurs, merged_into, waiting_since""";

	private final JdbcClient jdbc;

	private final AnswerTargets answerTargets;

	CaseRepository(JdbcClient jdbc, AnswerTargets answerTargets) {
		this.jdbc = jdbc;
		this.answerTargets = answerTargets;
	}

	/** Stores a case opened in this transaction and returns it with its number. */
	SupportCase insert(SupportCase opened) {
		CaseSnapshot s = opened.snapshot();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into cases (id, customer_id, channel, subject, status, team_code, assignee, opened_at,
				  last_activity_at, closed_at, contact_reason, root_cause_state, root_cause_key, problem_id,
				  follows_case_id, handover_count, version, recurrence_of, recurrence_signal, customer_says_recurs,
				  waiting_since)
				values (:id, :customer, :channel, :subject, :status, :team, :assignee, :opened, :activity, :closed,
				  :reason, :rcState, :rcKey, :problem, :follows, :handovers, 0, :recurrenceOf, :recurrenceSignal,
				  :saysRecurs, :waiting)
				""")
			.param("recurrenceOf", s.recurrence().of())
			.param("recurrenceSignal", name(s.recurrence().signal()))
			.param("saysRecurs", s.recurrence().customerSaysSo())
			.param("waiting", DbTime.toDb(s.waitingSince()))
			.param("id", s.id())
			.param("customer", s.customerId())
			.param("channel", s.channel().name())
			.param("subject", s.subject())
			.param("status", s.status().name())
			.param("team", s.team())
			.param("assignee", s.assignee())
			.param("opened", DbTime.toDb(s.openedAt()))
			.param("activity", DbTime.toDb(s.lastActivityAt()))
			.param("closed", DbTime.toDb(s.closedAt()))
			.param("reason", s.diagnosis().contactReason())
			.param("rcState", s.diagnosis().rootCauseState().name())
			.param("rcKey", s.diagnosis().rootCauseKey())
			.param("problem", s.diagnosis().problemId())
			.param("follows", s.followsCaseId())
			.param("handovers", s.handoverCount())
			.update(keys, "case_number");
		long number = keys.getKey().longValue();
		insertHistory(opened.drainRecorded());
		SupportCase stored = new SupportCase(new CaseSnapshot(s.id(), number, s.customerId(), s.channel(), s.subject(),
				s.status(), s.team(), s.assignee(), s.openedAt(), s.lastActivityAt(), s.closedAt(), s.followsCaseId(),
				s.handoverCount(), 0, s.diagnosis(), s.resolution(), s.recurrence(), s.mergedIntoId(),
				s.waitingSince()));
		return stored;
	}

	/** Writes a changed case back, refusing if somebody else changed it meanwhile. */
	void update(SupportCase changed) {
		CaseSnapshot s = changed.snapshot();
		int updated = this.jdbc.sql("""
				update cases set status = :status, team_code = :team, assignee = :assignee,
				  last_activity_at = :activity, closed_at = :closed, handover_count = :handovers,
				  root_cause_state = :rcState, root_cause_key = :rcKey, palliative_actions = :palliatives,
				  cure_applied_for = :cure, resolution_kind = :kind, resolution_outcome = :outcome,
				  resolution_proposed_at = :proposed, reminder_sent_at = :reminded, reopen_count = :reopens,
				  recurrence_of = :recurrenceOf, recurrence_signal = :recurrenceSignal,
				  customer_says_recurs = :saysRecurs, merged_into = :mergedInto, waiting_since = :waiting,
				  version = version + 1
				where id = :id and version = :version
				""")
			.param("palliatives", s.resolution().palliativeActions())
			.param("cure", s.resolution().cureAppliedFor())
			.param("kind", name(s.resolution().kindWhenEnded(s.status(), s.diagnosis())))
			.param("outcome", name(s.resolution().outcome()))
			.param("proposed", DbTime.toDb(s.resolution().proposedAt()))
			.param("reminded", DbTime.toDb(s.resolution().reminderSentAt()))
			.param("reopens", s.resolution().reopenCount())
			.param("recurrenceOf", s.recurrence().of())
			.param("recurrenceSignal", name(s.recurrence().signal()))
			.param("saysRecurs", s.recurrence().customerSaysSo())
			.param("mergedInto", s.mergedIntoId())
			.param("waiting", DbTime.toDb(s.waitingSince()))
			.param("status", s.status().name())
			.param("team", s.team())
			.param("assignee", s.assignee())
			.param("activity", DbTime.toDb(s.lastActivityAt()))
			.param("closed", DbTime.toDb(s.closedAt()))
			.param("handovers", s.handoverCount())
			.param("rcState", s.diagnosis().rootCauseState().name())
			.param("rcKey", s.diagnosis().rootCauseKey())
			.param("id", s.id())
			.param("version", s.version())
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException(
					"case " + CaseReference.format(s.number()) + " was changed by someone else; reload and retry");
		}
		insertHistory(changed.drainRecorded());
	}

	private void insertHistory(List<Object> recorded) {
		for (Object entry : recorded) {
			switch (entry) {
				case Transition t -> this.jdbc.sql("""
						insert into case_transitions (id, case_id, from_status, to_status, occurred_at, actor, reason,
						  undoes)
						values (?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(t.id(), t.caseId(), t.from() == null ? null : t.from().name(), t.to().name(),
							DbTime.toDb(t.occurredAt()), t.actor(), t.reason(), t.undoes())
					.update();
				case Action a -> this.jdbc.sql("""
						insert into case_actions (id, case_id, kind, description, minutes_spent, actor, occurred_at,
						  cause_key, remedy)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(a.id(), a.caseId(), a.kind().name(), a.description(), a.minutesSpent(), a.actor(),
							DbTime.toDb(a.occurredAt()), a.causeKey(), a.remedy())
					.update();
				case Handover h -> this.jdbc.sql("""
						insert into case_handovers (id, case_id, from_team, from_agent, to_team, to_agent, note, actor,
						  occurred_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(h.id(), h.caseId(), h.fromTeam(), h.fromAgent(), h.toTeam(), h.toAgent(), h.note(),
							h.actor(), DbTime.toDb(h.occurredAt()))
					.update();
				default -> throw new IllegalStateException("unknown history entry " + entry);
			}
		}
	}

	Optional<SupportCase> find(CaseReference reference) {
		return switch (reference) {
			case CaseReference.ById byId -> this.jdbc.sql("select " + COLUMNS + " from cases where id = ?")
				.param(byId.id())
				.query((rs, n) -> snapshot(rs))
				.optional()
				.map(SupportCase::new);
			case CaseReference.ByNumber byNumber ->
				this.jdbc.sql("select " + COLUMNS + " from cases where case_number = ?")
					.param(byNumber.number())
					.query((rs, n) -> snapshot(rs))
					.optional()
					.map(SupportCase::new);
		};
	}

	List<CaseSnapshot> byIds(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " from cases where id in (:ids)")
			.param("ids", ids)
			.query((rs, n) -> snapshot(rs))
			.list();
	}

	List<CaseSnapshot> activeOfCustomer(UUID customerId) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from cases where customer_id = ? and status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER', "
					+ "'AWAITING_CONFIRMATION')")
			.param(customerId)
			.query((rs, n) -> snapshot(rs))
			.list();
	}

	List<UUID> activeAssignedTo(String agent) {
		return this.jdbc
			.sql("select id from cases where assignee = ? and status in ('NEW', 'OPEN', "
					+ "'WAITING_ON_CUSTOMER', 'AWAITING_CONFIRMATION') order by id")
			.param(agent)
			.query(UUID.class)
			.list();
	}

	List<UUID> idsOfCustomers(List<UUID> customerIds) {
		return this.jdbc.sql("select id from cases where customer_id in (:ids) order by id")
			.param("ids", customerIds)
			.query(UUID.class)
			.list();
	}

	List<CaseSnapshot> ofCustomer(UUID customerId) {
		return this.jdbc.sql("select " + COLUMNS + " from cases where customer_id = ? order by opened_at")
			.param(customerId)
			.query((rs, n) -> snapshot(rs))
			.list();
	}

	List<CaseSnapshot> queue(CaseQuery query) {
		// A null due time sorts last on both databases (H2 runs with
		// DEFAULT_NULL_ORDERING=HIGH).
		String order = switch (query.order()) {
			case NEWEST_ACTIVITY_FIRST -> "last_activity_at desc, case_number desc";
			case OLDEST_ACTIVITY_FIRST -> "last_activity_at, case_number";
			case ANSWER_DUE_FIRST -> this.answerTargets.dueSecondsSql() + ", last_activity_at, case_number";
		};
		return filtered("select " + COLUMNS, query, " order by " + order + " limit :limit offset :offset")
			.param("limit", query.limit())
			.param("offset", query.offset())
			.query((rs, n) -> snapshot(rs))
			.list();
	}

	/** How many cases the query matches, whatever its page. */
	long count(CaseQuery query) {
		return filtered("select count(*)", query, "").query(Long.class).single();
	}

	private JdbcClient.StatementSpec filtered(String select, CaseQuery query, String tail) {
		StringBuilder sql = new StringBuilder(select + " from cases where status in (:statuses)");
		Map<String, Object> params = new HashMap<>();
		params.put("statuses", query.statuses().stream().map(Enum::name).toList());
		if (query.channel() != null) {
			sql.append(" and channel = :channel");
			params.put("channel", query.channel().name());
		}
		if (query.team() != null) {
			sql.append(" and team_code = :team");
			params.put("team", query.team());
		}
		if (query.assignee() != null) {
			sql.append(" and assignee = :assignee");
			params.put("assignee", query.assignee());
		}
		if (query.unassigned()) {
			sql.append(" and assignee is null");
		}
		if (query.openedBefore() != null) {
			sql.append(" and opened_at <= :openedBefore");
			params.put("openedBefore", DbTime.toDb(query.openedBefore()));
		}
		if (query.openedAfter() != null) {
			sql.append(" and opened_at >= :openedAfter");
			params.put("openedAfter", DbTime.toDb(query.openedAfter()));
		}
		if (query.resolutionKind() != null) {
			sql.append(" and resolution_kind = :kind");
			params.put("kind", query.resolutionKind().name());
		}
		if (query.reasons() != null) {
			sql.append(" and contact_reason in (:reasons)");
			params.put("reasons", List.copyOf(query.reasons()));
		}
		if (query.answerDueBefore() != null) {
			sql.append(" and ").append(this.answerTargets.dueSecondsSql()).append(" < :dueBefore");
			params.put("dueBefore", query.answerDueBefore().getEpochSecond());
		}
		if (query.text() != null) {
			// Backslash escapes the pattern's own wildcards, so '50%' means what it says.
			String words = query.text().toLowerCase(Locale.ROOT).replaceAll("([\\\\%_])", "\\\\$1");
			params.put("pattern", "%" + words + "%");
			Matcher reference = CaseReference.NUMBER.matcher(query.text().toUpperCase(Locale.ROOT));
			if (reference.matches()) {
				sql.append(" and (case_number = :number or lower(subject) like :pattern escape '\\')");
				params.put("number", Long.parseLong(reference.group(1)));
			}
			else {
				sql.append(" and lower(subject) like :pattern escape '\\'");
			}
		}
		return this.jdbc.sql(sql.append(tail).toString()).params(params);
	}

	List<Transition> transitionsOf(Collection<UUID> caseIds) {
		if (caseIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(TRANSITIONS + "where case_id in (:ids) order by occurred_at, id")
			.param("ids", caseIds)
			.query((rs, n) -> transition(rs))
			.list();
	}

	/**
	 * The case's latest status change as recorded. Ids are time-ordered and a case's
	 * changes are written one after the other (its version guards them), so the greatest
	 * id is the latest written, whatever time the change is dated.
	 */
	Optional<Transition> lastTransitionOf(UUID caseId) {
		return this.jdbc.sql(TRANSITIONS + "where case_id = ? order by id desc fetch first 1 rows only")
			.param(caseId)
			.query((rs, n) -> transition(rs))
			.optional();
	}

	private static Transition transition(ResultSet rs) throws SQLException {
		return new Transition(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getString("from_status") == null ? null : CaseStatus.valueOf(rs.getString("from_status")),
				CaseStatus.valueOf(rs.getString("to_status")), rs.getString("actor"), rs.getString("reason"),
				DbTime.fromDb(rs, "occurred_at"), rs.getObject("undoes", UUID.class));
	}

	List<Action> actionsOf(Collection<UUID> caseIds) {
		if (caseIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select id, case_id, kind, description, minutes_spent, actor, occurred_at, cause_key, remedy
				from case_actions where case_id in (:ids) order by occurred_at, id""")
			.param("ids", caseIds)
			.query((rs, n) -> new Action(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
					ActionKind.valueOf(rs.getString("kind")), rs.getString("description"), rs.getInt("minutes_spent"),
					rs.getString("actor"), DbTime.fromDb(rs, "occurred_at"), rs.getString("cause_key"),
					rs.getString("remedy")))
			.list();
	}

	List<Handover> handoversOf(Collection<UUID> caseIds) {
		if (caseIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select id, case_id, from_team, from_agent, to_team, to_agent, note, actor, occurred_at
				from case_handovers where case_id in (:ids) order by occurred_at, id""")
			.param("ids", caseIds)
			.query((rs, n) -> new Handover(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
					rs.getString("from_team"), rs.getString("from_agent"), rs.getString("to_team"),
					rs.getString("to_agent"), rs.getString("note"), rs.getString("actor"),
					DbTime.fromDb(rs, "occurred_at")))
			.list();
	}

	int moveCustomer(UUID from, UUID to) {
		return this.jdbc.sql("update cases set customer_id = ? where customer_id = ?").params(to, from).update();
	}

	List<CaseSnapshot> recentlyBusyWithRootCause(RootCauseState state, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from cases where root_cause_state = ? order by last_activity_at desc, id limit ?")
			.params(state.name(), limit)
			.query((rs, n) -> snapshot(rs))
			.list();
	}

	List<UUID> notClosedIdsWithRootCause(RootCauseState state, String causeKey) {
		return this.jdbc.sql("""
				select id from cases where root_cause_state = ? and root_cause_key = ? and status <> 'CLOSED'
				order by last_activity_at, id
				""").params(state.name(), causeKey).query(UUID.class).list();
	}

	List<UUID> idsWithRootCause(RootCauseState state) {
		return this.jdbc.sql("select id from cases where root_cause_state = ? order by last_activity_at, id")
			.param(state.name())
			.query(UUID.class)
			.list();
	}

	/**
	 * Writes a case's reason apart from its other state and version: predictions arrive
	 * in the background and must not make an agent's concurrent change fail. A prediction
	 * never overwrites an agent's choice, also when both land at once.
	 */
	void writeReason(UUID id, String reasonKey, ReasonSource source) {
		this.jdbc.sql("""
				update cases set contact_reason = ?, contact_reason_source = ?
				where id = ? and (? = 'AGENT' or contact_reason_source is null or contact_reason_source <> 'AGENT')
				""").params(reasonKey, source.name(), id, source.name()).update();
	}

	void withdrawPredictedReason(UUID id) {
		this.jdbc.sql("""
				update cases set contact_reason = null, contact_reason_source = null
				where id = ? and contact_reason_source = 'PREDICTED'""").param(id).update();
	}

	/** A case as problem linking sees it. */
	record ProblemLink(UUID id, long number, UUID problemId) {
	}

	private static final int CHUNK = 500;

	List<ProblemLink> problemLinks(List<Long> numbers, List<UUID> ids) {
		List<ProblemLink> found = new java.util.ArrayList<>();
		for (int from = 0; from < numbers.size(); from += CHUNK) {
			found.addAll(this.jdbc.sql("select id, case_number, problem_id from cases where case_number in (:keys)")
				.param("keys", numbers.subList(from, Math.min(numbers.size(), from + CHUNK)))
				.query((rs, n) -> problemLink(rs))
				.list());
		}
		for (int from = 0; from < ids.size(); from += CHUNK) {
			found.addAll(this.jdbc.sql("select id, case_number, problem_id from cases where id in (:keys)")
				.param("keys", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
				.query((rs, n) -> problemLink(rs))
				.list());
		}
		return found;
	}

	/** Cases opened in the period with the root cause or the reason, linked or not. */
	List<ProblemLink> matching(String rootCauseKey, String reason, Instant from, Instant to) {
		return this.jdbc.sql("""
				select id, case_number, problem_id from cases
				where opened_at >= ? and opened_at < ? and (root_cause_key = ? or contact_reason = ?)
				""")
			.params(DbTime.toDb(from), DbTime.toDb(to), rootCauseKey, reason)
			.query((rs, n) -> problemLink(rs))
			.list();
	}

	/**
	 * Links the cases to the problem, unless linked to another meanwhile. Written apart
	 * from the case's version: a link is not a change agents could conflict with.
	 */
	int linkProblem(List<UUID> ids, UUID problemId) {
		int linked = 0;
		for (int from = 0; from < ids.size(); from += CHUNK) {
			linked += this.jdbc.sql("update cases set problem_id = :problem where id in (:ids) and problem_id is null")
				.param("problem", problemId)
				.param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
				.update();
		}
		return linked;
	}

	int unlinkProblem(UUID caseId, UUID problemId) {
		return this.jdbc.sql("update cases set problem_id = null where id = ? and problem_id = ?")
			.params(caseId, problemId)
			.update();
	}

	List<CaseSnapshot> ofProblem(UUID problemId, int limit, long offset) {
		return this.jdbc
			.sql("select " + COLUMNS + " from cases where problem_id = ? order by opened_at desc, id limit ? offset ?")
			.params(problemId, limit, offset)
			.query((rs, n) -> snapshot(rs))
			.list();
	}

	long countOfProblem(UUID problemId) {
		return this.jdbc.sql("select count(*) from cases where problem_id = ?")
			.param(problemId)
			.query(Long.class)
			.single();
	}

	/**
	 * Cases opened in the period that match the problem: linked, or by root cause or
	 * reason. Reads the customers' segment attributes from the customers module's table:
	 * one count over thousands of cases, which that module's services would answer one
	 * customer at a time.
	 */
	long countOpenedMatching(Instant from, Instant to, UUID problemId, String rootCauseKey, String reason,
			String segmentAttribute, String segmentValue) {
		String inSegment = segmentAttribute == null ? "" : """
				and exists (select 1 from customer_attributes a where a.customer_id = c.customer_id
				  and a.name = :attribute and a.attribute_value = :value)
				""";
		Map<String, Object> params = new HashMap<>();
		params.put("from", DbTime.toDb(from));
		params.put("to", DbTime.toDb(to));
		params.put("problem", problemId);
		params.put("cause", rootCauseKey);
		params.put("reason", reason);
		if (segmentAttribute != null) {
			params.put("attribute", segmentAttribute);
			params.put("value", segmentValue);
		}
		return this.jdbc.sql("""
				select count(*) from cases c
				where c.opened_at >= :from and c.opened_at < :to
				  and (c.problem_id = :problem or ((c.root_cause_key = :cause or c.contact_reason = :reason)
				""" + inSegment + "))").params(params).query(Long.class).single();
	}

	private static ProblemLink problemLink(ResultSet rs) throws SQLException {
		return new ProblemLink(rs.getObject("id", UUID.class), rs.getLong("case_number"),
				rs.getObject("problem_id", UUID.class));
	}

	/** Links a case as a recurrence unless it is linked already; see writeReason. */
	void writeRecurrence(UUID id, UUID of, RecurrenceSignal signal) {
		this.jdbc
			.sql("update cases set recurrence_of = ?, recurrence_signal = ? where id = ? and recurrence_of is null")
			.params(of, signal.name(), id)
			.update();
	}

	/**
	 * Records that a case is a cured case's problem come back, unless it is recorded
	 * already. The reason and root-cause listeners can race here; the one that loses
	 * leaves the first record as it is, where a failed insert would have ended its
	 * transaction (on PostgreSQL) and logged an error before its retry.
	 */
	void writeCureReturn(UUID caseId, UUID curedCaseId, RecurrenceSignal signal, Instant at) {
		this.jdbc
			.sql("insert into cure_returns (case_id, cured_case_id, signal, linked_at) values (?, ?, ?, ?)"
					+ " on conflict do nothing")
			.params(caseId, curedCaseId, signal.name(), DbTime.toDb(at))
			.update();
	}

	/** The cured case whose problem this case is, come back. */
	Optional<UUID> cureReturnOf(UUID caseId) {
		return this.jdbc.sql("select cured_case_id from cure_returns where case_id = ?")
			.param(caseId)
			.query(UUID.class)
			.optional();
	}

	long count() {
		return this.jdbc.sql("select count(*) from cases").query(Long.class).single();
	}

	private static CaseSnapshot snapshot(ResultSet rs) throws SQLException {
		return new CaseSnapshot(rs.getObject("id", UUID.class), rs.getLong("case_number"),
				rs.getObject("customer_id", UUID.class), Channel.valueOf(rs.getString("channel")),
				rs.getString("subject"), CaseStatus.valueOf(rs.getString("status")), rs.getString("team_code"),
				rs.getString("assignee"), DbTime.fromDb(rs, "opened_at"), DbTime.fromDb(rs, "last_activity_at"),
				DbTime.fromDb(rs, "closed_at"), rs.getObject("follows_case_id", UUID.class),
				rs.getInt("handover_count"), rs.getInt("version"),
				new CaseDiagnosisState(rs.getString("contact_reason"),
						rs.getString("contact_reason_source") == null ? null
								: ReasonSource.valueOf(rs.getString("contact_reason_source")),
						RootCauseState.valueOf(rs.getString("root_cause_state")), rs.getString("root_cause_key"),
						rs.getObject("problem_id", UUID.class)),
				new ResolutionState(rs.getInt("palliative_actions"), rs.getString("cure_applied_for"),
						DbTime.fromDb(rs, "resolution_proposed_at"), DbTime.fromDb(rs, "reminder_sent_at"),
						rs.getString("resolution_outcome") == null ? null
								: ResolutionOutcome.valueOf(rs.getString("resolution_outcome")),
						rs.getInt("reopen_count")),
				new RecurrenceState(rs.getObject("recurrence_of", UUID.class),
						rs.getString("recurrence_signal") == null ? null
								: RecurrenceSignal.valueOf(rs.getString("recurrence_signal")),
						rs.getBoolean("customer_says_recurs")),
				rs.getObject("merged_into", UUID.class), DbTime.fromDb(rs, "waiting_since"));
	}

	/**
	 * The customer's cases that have ended and were last busy since an instant: those a
	 * new contact may be a recurrence of (relieved or unexplained) or a cure that did not
	 * hold.
	 */
	List<Recurrence.Earlier> endedSince(UUID customerId, Instant since) {
		return this.jdbc.sql("""
				select id, last_activity_at, resolution_kind, contact_reason, root_cause_key, subject from cases
				where customer_id = ? and last_activity_at >= ? and resolution_kind is not null
				  and status in ('RESOLVED', 'CLOSED')""")
			.params(customerId, DbTime.toDb(since))
			.query((rs, n) -> new Recurrence.Earlier(rs.getObject("id", UUID.class),
					DbTime.fromDb(rs, "last_activity_at"), ResolutionKind.valueOf(rs.getString("resolution_kind")),
					rs.getString("contact_reason"), rs.getString("root_cause_key"), rs.getString("subject")))
			.list();
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	/**
	 * Cases awaiting confirmation whose proposal is older than {@code proposedBefore} and
	 * whose customer has not been reminded yet.
	 */
	List<CaseSnapshot> awaitingReminder(Instant proposedBefore, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from cases " + """
				where status = 'AWAITING_CONFIRMATION' and reminder_sent_at is null
				and resolution_proposed_at <= ? order by resolution_proposed_at limit ?""")
			.params(DbTime.toDb(proposedBefore), limit)
			.query((rs, n) -> snapshot(rs))
			.list();
	}

	/**
	 * Cases awaiting confirmation whose customer was reminded before
	 * {@code remindedBefore}.
	 */
	List<CaseSnapshot> awaitingClosure(Instant remindedBefore, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from cases " + """
				where status = 'AWAITING_CONFIRMATION' and reminder_sent_at <= ?
				order by reminder_sent_at limit ?""")
			.params(DbTime.toDb(remindedBefore), limit)
			.query((rs, n) -> snapshot(rs))
			.list();
	}

}

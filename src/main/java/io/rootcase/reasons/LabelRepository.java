package io.rootcase.reasons;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.rootcase.shared.DbTime;
import io.rootcase.shared.Ids;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Contact labels and the labelled examples the classifier learns from.
 */
@Repository
class LabelRepository {

	private static final int CHUNK = 500;

	/** Unclassified because no model could read the message when it came. */
	private static final String UNREAD = "state = ? and model_version is null and body <> ''";

	private final JdbcClient jdbc;

	LabelRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return whether it was stored: {@code false} when the contact was labelled
	 * meanwhile (the listeners of its arrival and of its move read it at once)
	 */
	boolean insertPrediction(ContactLabel label) {
		return this.jdbc.sql("""
				insert into contact_labels (contact_id, case_id, state, body, predicted_key, confidence, model_version,
				  reason_key, predicted_at, doubt)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict do nothing
				""")
			.params(label.contactId(), label.caseId(), label.state().name(), label.text(), label.predictedKey(),
					label.confidence(), label.modelVersion(), label.reasonKey(), DbTime.toDb(label.predictedAt()),
					name(label.doubt()))
			.update() > 0;
	}

	Optional<ContactLabel> find(UUID contactId) {
		return this.jdbc.sql("select * from contact_labels where contact_id = ?")
			.param(contactId)
			.query((rs, n) -> label(rs))
			.optional();
	}

	void moveToCase(UUID contactId, UUID caseId) {
		this.jdbc.sql("update contact_labels set case_id = ? where contact_id = ?").params(caseId, contactId).update();
	}

	List<ContactLabel> ofCase(UUID caseId) {
		return this.jdbc.sql("select * from contact_labels where case_id = ? order by predicted_at, contact_id")
			.param(caseId)
			.query((rs, n) -> label(rs))
			.list();
	}

	/** The first labelled message of each case, by case. */
	Map<UUID, String> openingTexts(List<UUID> caseIds) {
		Map<UUID, String> texts = new HashMap<>();
		for (int from = 0; from < caseIds.size(); from += CHUNK) {
			this.jdbc
				.sql("select case_id, body from contact_labels where case_id in (:ids) "
						+ "order by predicted_at desc, contact_id desc")
				.param("ids", caseIds.subList(from, Math.min(caseIds.size(), from + CHUNK)))
				// Newest first, so the earliest message is the one left in the map.
				.query(rs -> {
					texts.put(rs.getObject("case_id", UUID.class), rs.getString("body"));
				});
		}
		return texts;
	}

	List<ContactLabel> inState(LabelState state, int limit) {
		return this.jdbc
			.sql("select * from contact_labels where state = ? order by predicted_at desc, contact_id limit ?")
			.params(state.name(), limit)
			.query((rs, n) -> label(rs))
			.list();
	}

	/**
	 * Contacts left unclassified because no model could read them when they came, oldest
	 * first.
	 */
	List<ContactLabel> unread(int limit) {
		return this.jdbc
			.sql("select * from contact_labels where " + UNREAD + " order by predicted_at, contact_id limit ?")
			.params(LabelState.UNCLASSIFIED.name(), limit)
			.query((rs, n) -> label(rs))
			.list();
	}

	long countUnread() {
		return this.jdbc.sql("select count(*) from contact_labels where " + UNREAD)
			.param(LabelState.UNCLASSIFIED.name())
			.query(Long.class)
			.single();
	}

	/**
	 * Records the prediction a model made for a contact none could read when it came,
	 * unless it was read or labelled since (by another node, or an agent).
	 * @return whether the prediction was recorded
	 */
	boolean predictedLate(ContactLabel label) {
		return this.jdbc
			.sql("""
					update contact_labels set state = ?, predicted_key = ?, confidence = ?, model_version = ?, reason_key = ?,
					  doubt = ?
					where contact_id = ? and state = ? and model_version is null
					""")
			.params(label.state().name(), label.predictedKey(), label.confidence(), label.modelVersion(),
					label.reasonKey(), name(label.doubt()), label.contactId(), LabelState.UNCLASSIFIED.name())
			.update() == 1;
	}

	long countInState(LabelState state) {
		return this.jdbc.sql("select count(*) from contact_labels where state = ?")
			.param(state.name())
			.query(Long.class)
			.single();
	}

	void labelled(UUID contactId, LabelState state, String reasonKey, String agent, Instant at) {
		this.jdbc.sql("""
				update contact_labels set state = ?, reason_key = ?, labelled_by = ?, labelled_at = ?
				where contact_id = ?
				""").params(state.name(), reasonKey, agent, DbTime.toDb(at), contactId).update();
	}

	/**
	 * The example a contact's label teaches, replacing an earlier one for that contact.
	 */
	void putExample(TrainingExample example) {
		if (example.contactId() != null) {
			this.jdbc.sql("delete from reason_examples where contact_id = ?").param(example.contactId()).update();
		}
		this.jdbc.sql("""
				insert into reason_examples (id, body, reason_key, source, contact_id, labelled_by, labelled_at)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(example.id(), example.text(), example.reasonKey(), example.source().name(), example.contactId(),
					example.labelledBy(), DbTime.toDb(example.labelledAt()))
			.update();
	}

	List<TrainingExample> examples(ExampleSource source, int limit, long offset) {
		return this.jdbc.sql("""
				select * from reason_examples where (cast(? as varchar(12)) is null or source = ?)
				order by labelled_at desc, id limit ? offset ?
				""")
			.params(source == null ? null : source.name(), source == null ? null : source.name(), limit, offset)
			.query((rs, n) -> example(rs))
			.list();
	}

	long countExamples(ExampleSource source) {
		return this.jdbc
			.sql("select count(*) from reason_examples where (cast(? as varchar(12)) is null or source = ?)")
			.params(source == null ? null : source.name(), source == null ? null : source.name())
			.query(Long.class)
			.single();
	}

	/** Every example, oldest first, for training. */
	List<TrainingExample> allExamples() {
		return this.jdbc.sql("select * from reason_examples order by labelled_at, id")
			.query((rs, n) -> example(rs))
			.list();
	}

	Optional<Instant> lastLabelledAt() {
		return Optional.ofNullable(this.jdbc.sql("select max(labelled_at) as last from reason_examples")
			.query((rs, n) -> DbTime.fromDb(rs, "last"))
			.single());
	}

	static TrainingExample newExample(String text, String reasonKey, ExampleSource source, UUID contactId, String agent,
			Instant at) {
		return new TrainingExample(Ids.next(), text, reasonKey, source, contactId, agent, at);
	}

	private static ContactLabel label(ResultSet rs) throws SQLException {
		return new ContactLabel(rs.getObject("contact_id", UUID.class), rs.getObject("case_id", UUID.class),
				LabelState.valueOf(rs.getString("state")), rs.getString("body"), rs.getString("predicted_key"),
				rs.getObject("confidence") == null ? null : rs.getDouble("confidence"),
				rs.getObject("model_version") == null ? null : rs.getInt("model_version"), rs.getString("reason_key"),
				DbTime.fromDb(rs, "predicted_at"), rs.getString("labelled_by"), DbTime.fromDb(rs, "labelled_at"),
				rs.getString("doubt") == null ? null : Doubt.valueOf(rs.getString("doubt")));
	}

	private static String name(Doubt doubt) {
		return doubt == null ? null : doubt.name();
	}

	private static TrainingExample example(ResultSet rs) throws SQLException {
		return new TrainingExample(rs.getObject("id", UUID.class), rs.getString("body"), rs.getString("reason_key"),
				ExampleSource.valueOf(rs.getString("source")), rs.getObject("contact_id", UUID.class),
				rs.getString("labelled_by"), DbTime.fromDb(rs, "labelled_at"));
	}

}

package io.rootcase.reasons;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.rootcase.shared.DbTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ModelRepository {

	private static final String COLUMNS = """
			version, status, started_at, finished_at, requested_by, encoder, examples, evaluated_on, reasons,
			accuracy, macro_f1, min_confidence, live_accuracy, note""";

	private final JdbcClient jdbc;

	ModelRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Starts a version numbered after the last one. */
	int start(String requestedBy, String encoder, Instant at) {
		int version = this.jdbc.sql("select coalesce(max(version), 0) + 1 from reason_models")
			.query(Integer.class)
			.single();
		this.jdbc.sql("""
				insert into reason_models (version, status, started_at, alive_at, requested_by, encoder)
				values (?, 'TRAINING', ?, ?, ?, ?)
				""").params(version, DbTime.toDb(at), DbTime.toDb(at), requestedBy, encoder).update();
		return version;
	}

	void finish(int version, ModelStatus status, ReasonEvaluation evaluation, int examples, int reasons,
			double minConfidence, Double liveAccuracy, String note, byte[] model, Instant at) {
		this.jdbc.sql("""
				update reason_models set status = ?, finished_at = ?, examples = ?, evaluated_on = ?, reasons = ?,
				  accuracy = ?, macro_f1 = ?, min_confidence = ?, live_accuracy = ?, note = ?, model = ?
				where version = ?
				""")
			.params(status.name(), DbTime.toDb(at), examples, evaluation.examples(), reasons, evaluation.accuracy(),
					evaluation.macroF1(), minConfidence, liveAccuracy, note, model, version)
			.update();
	}

	void failed(int version, String note, Instant at) {
		this.jdbc.sql("update reason_models set status = 'FAILED', finished_at = ?, note = ? where version = ?")
			.params(DbTime.toDb(at), note, version)
			.update();
	}

	/** The live version steps down: at most one model is live. */
	void retireLive() {
		this.jdbc.sql("update reason_models set status = 'RETIRED' where status = 'LIVE'").update();
	}

	void setStatus(int version, ModelStatus status) {
		this.jdbc.sql("update reason_models set status = ? where version = ?").params(status.name(), version).update();
	}

	Optional<Integer> liveVersion() {
		return this.jdbc.sql("select version from reason_models where status = 'LIVE'").query(Integer.class).optional();
	}

	Optional<byte[]> model(int version) {
		return this.jdbc.sql("select model from reason_models where version = ? and model is not null")
			.param(version)
			.query((rs, n) -> rs.getBytes("model"))
			.optional();
	}

	Optional<ModelVersion> find(int version) {
		return this.jdbc.sql("select " + COLUMNS + " from reason_models where version = ?")
			.param(version)
			.query((rs, n) -> version(rs))
			.optional();
	}

	List<ModelVersion> all() {
		return this.jdbc.sql("select " + COLUMNS + " from reason_models order by version desc")
			.query((rs, n) -> version(rs))
			.list();
	}

	/** A version in training shows it is still alive. */
	void alive(int version, Instant at) {
		this.jdbc.sql("update reason_models set alive_at = ? where version = ? and status = 'TRAINING'")
			.params(DbTime.toDb(at), version)
			.update();
	}

	/** Whether a version is training that showed it was alive after the given time. */
	boolean trainingAliveSince(Instant since) {
		return this.jdbc.sql("select count(*) from reason_models where status = 'TRAINING' and alive_at > ?")
			.param(DbTime.toDb(since))
			.query(Long.class)
			.single() > 0;
	}

	/** Versions in training that showed no sign of life since the given time fail. */
	int abandon(Instant silentSince, String note, Instant at) {
		return this.jdbc.sql("""
				update reason_models set status = 'FAILED', finished_at = ?, note = ?
				where status = 'TRAINING' and alive_at <= ?
				""").params(DbTime.toDb(at), note, DbTime.toDb(silentSince)).update();
	}

	Optional<Instant> lastStartedAt() {
		return Optional.ofNullable(this.jdbc.sql("select max(started_at) as last from reason_models")
			.query((rs, n) -> DbTime.fromDb(rs, "last"))
			.single());
	}

	private static ModelVersion version(ResultSet rs) throws SQLException {
		return new ModelVersion(rs.getInt("version"), ModelStatus.valueOf(rs.getString("status")),
				DbTime.fromDb(rs, "started_at"), DbTime.fromDb(rs, "finished_at"), rs.getString("requested_by"),
				rs.getString("encoder"), integer(rs, "examples"), integer(rs, "evaluated_on"), integer(rs, "reasons"),
				decimal(rs, "accuracy"), decimal(rs, "macro_f1"), decimal(rs, "min_confidence"),
				decimal(rs, "live_accuracy"), rs.getString("note"));
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static Double decimal(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

}

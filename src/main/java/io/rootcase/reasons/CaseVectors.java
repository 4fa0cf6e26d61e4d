package io.rootcase.reasons;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.rootcase.shared.DbTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The meaning of each case's opening message as a vector, for finding similar cases.
 * Compared in Java rather than by the database: the embedded H2 default has no vector
 * type, and a few thousand candidate cases take milliseconds.
 */
@Repository
class CaseVectors {

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	CaseVectors(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps the case's vector from this encoder, unless it has one already.
	 * @param vector made only when the case has none, since encoding costs milliseconds
	 */
	void putIfAbsent(UUID caseId, String encoder, Supplier<float[]> vector, Instant at) {
		if (find(caseId, encoder).isEmpty()) {
			replace(caseId, encoder, vector.get(), at);
		}
	}

	void replace(UUID caseId, String encoder, float[] vector, Instant at) {
		remove(caseId);
		// Two messages of one case read at once may both find none: one of them stays
		// rather than the second failing its listener on the key.
		this.jdbc
			.sql("insert into case_vectors (case_id, encoder, vector, created_at) values (?, ?, ?, ?) "
					+ "on conflict do nothing")
			.params(caseId, encoder, bytes(vector), DbTime.toDb(at))
			.update();
	}

	void remove(UUID caseId) {
		this.jdbc.sql("delete from case_vectors where case_id = ?").param(caseId).update();
	}

	Optional<float[]> find(UUID caseId, String encoder) {
		return this.jdbc.sql("select vector from case_vectors where case_id = ? and encoder = ?")
			.params(caseId, encoder)
			.query((rs, n) -> floats(rs.getBytes("vector")))
			.optional();
	}

	Map<UUID, float[]> of(List<UUID> caseIds, String encoder) {
		Map<UUID, float[]> vectors = new HashMap<>();
		for (int from = 0; from < caseIds.size(); from += CHUNK) {
			List<UUID> chunk = new ArrayList<>(caseIds.subList(from, Math.min(caseIds.size(), from + CHUNK)));
			this.jdbc.sql("select case_id, vector from case_vectors where encoder = :encoder and case_id in (:ids)")
				.param("encoder", encoder)
				.param("ids", chunk)
				.query((rs, n) -> vectors.put(rs.getObject("case_id", UUID.class), floats(rs.getBytes("vector"))))
				.list();
		}
		return vectors;
	}

	private static byte[] bytes(float[] vector) {
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES);
		buffer.asFloatBuffer().put(vector);
		return buffer.array();
	}

	private static float[] floats(byte[] bytes) {
		float[] vector = new float[bytes.length / Float.BYTES];
		ByteBuffer.wrap(bytes).asFloatBuffer().get(vector);
		return vector;
	}

}

package io.rootcase.diagnosis;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.rootcase.shared.DbTime;
import io.rootcase.shared.Ids;
import io.rootcase.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base's versions: import (checked whole, nothing stored on any problem),
 * export, and the engine for a version.
 */
@Service
public class KnowledgeBases {

	private final JdbcClient jdbc;

	private final Clock clock;

	// Versions are immutable, so their parsed engines can be kept for the life of the
	// node.
	private final Map<UUID, DiagnosisEngine> engines = new ConcurrentHashMap<>();

	KnowledgeBases(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Checks a knowledge base file and, if it is valid, stores it as the new current
	 * version.
	 * @throws KnowledgeBaseException listing every problem; the stored knowledge base is
	 * unchanged
	 */
	@Transactional
	public KnowledgeBaseVersion importFile(String yaml, String actor) {
		KnowledgeBase kb = KnowledgeBaseFile.read(yaml);
		int number = this.jdbc.sql("select coalesce(max(version_number), 0) + 1 from kb_versions")
			.query(Integer.class)
			.single();
		KnowledgeBaseVersion version = new KnowledgeBaseVersion(Ids.next(), number, kb.version(), this.clock.instant(),
				actor);
		this.jdbc.sql("""
				insert into kb_versions (id, version_number, label, content, imported_at, imported_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(version.id(), number, kb.version(), yaml, DbTime.toDb(version.importedAt()), actor)
			.update();
		return version;
	}

	@Transactional(readOnly = true)
	public Optional<KnowledgeBaseVersion> current() {
		return this.jdbc.sql("select " + COLUMNS + " from kb_versions order by version_number desc limit 1")
			.query((rs, n) -> version(rs))
			.optional();
	}

	@Transactional(readOnly = true)
	public KnowledgeBaseVersion version(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from kb_versions where id = ?")
			.param(id)
			.query((rs, n) -> version(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("no knowledge base version " + id));
	}

	@Transactional(readOnly = true)
	public List<KnowledgeBaseVersion> versions() {
		return this.jdbc.sql("select " + COLUMNS + " from kb_versions order by version_number desc")
			.query((rs, n) -> version(rs))
			.list();
	}

	/** The file of a version, exactly as imported. */
	@Transactional(readOnly = true)
	public String file(UUID versionId) {
		return this.jdbc.sql("select content from kb_versions where id = ?")
			.param(versionId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("no knowledge base version " + versionId));
	}

	public DiagnosisEngine engine(UUID versionId) {
		return this.engines.computeIfAbsent(versionId,
				id -> new DiagnosisEngine(KnowledgeBaseFile.read(file(id)), DiagnosisEngine.Settings.defaults()));
	}

	private static final String COLUMNS = "id, version_number, label, imported_at, imported_by";

	private static KnowledgeBaseVersion version(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new KnowledgeBaseVersion(rs.getObject("id", UUID.class), rs.getInt("version_number"),
				rs.getString("label"), DbTime.fromDb(rs, "imported_at"), rs.getString("imported_by"));
	}

}

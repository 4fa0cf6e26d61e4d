package io.rootcase.diagnosis;

import java.time.Instant;
import java.util.UUID;

/**
 * One imported version of the knowledge base. Versions are never changed, so a diagnosis
 * can always be replayed against the version it used.
 */
public record KnowledgeBaseVersion(UUID id, int number, String label, Instant importedAt, String importedBy) {
}

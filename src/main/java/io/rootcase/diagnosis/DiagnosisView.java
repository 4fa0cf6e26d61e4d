package io.rootcase.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.rootcase.diagnosis.KnowledgeBase.Remedy;

/**
 * A diagnosis as agents and the API see it.
 *
 * @param status in_progress, confirmed, unknown, or explained (ended unknown, and an
 * investigation found the cause later)
 * @param verdict what the engine says now: continue, confident, unknown or
 * nothing_worth_asking
 * @param ranking the most probable causes (and the unknown cause) with their
 * probabilities
 * @param next the proposed next question or test, or {@code null} when none
 * @param answers every answer so far: for an unknown cause, its characterisation
 * @param finding the confirmed cause's fix, workarounds and owning team, or {@code null}
 * @param cureThatDidNotHold the cause found and cured on this customer's earlier case of
 * the same matter, which this problem has outlived (and the ranking holds less likely),
 * or {@code null}
 * @param explainedAt when an investigation found the cause of a diagnosis that ended
 * unknown, or {@code null}
 * @param explainedBy who recorded that finding, or {@code null}
 */
public record DiagnosisView(UUID id, UUID caseId, String status, int knowledgeBaseVersion, String knowledgeBaseLabel,
		String verdict, String reason, List<RankedCause> ranking, NextStep next, List<Step> answers,
		List<String> skipped, Finding finding, CureThatDidNotHold cureThatDidNotHold, Instant startedAt,
		Instant finishedAt, Instant explainedAt, String explainedBy) {

	/**
	 * @param cause the cause found then
	 * @param caseReference the earlier case, cured
	 * @param curedAt when work on it last happened
	 * @param timesLessLikely how much less likely the cause is held for it
	 */
	public record CureThatDidNotHold(String cause, String name, String caseReference, Instant curedAt,
			long timesLessLikely) {
	}

	public record RankedCause(String key, String name, double probability) {
	}

	public record NextStep(String question, String text, String kind, int minutes, List<String> answers, String why) {
	}

	public record Step(String question, String text, String answer, String source, Instant at, String by) {
	}

	/**
	 * @param suspected whether the knowledge base holds the cause only as a suspicion, so
	 * the case's root cause is suspected, not known
	 */
	public record Finding(String cause, String name, String team, Remedy fix, List<Remedy> workarounds,
			boolean suspected) {
	}

	/**
	 * Every question of the knowledge base, for choosing another step than the one
	 * proposed.
	 */
	public record Choice(String question, String text, String kind, int minutes, List<String> answers) {
	}

}

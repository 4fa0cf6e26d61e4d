package io.rootcase.reasons;

import io.rootcase.cases.ResolutionKind;
import io.rootcase.cases.ResolutionOutcome;

/**
 * An earlier case whose opening message means much the same, with what was found and what
 * worked.
 *
 * @param similarity cosine similarity of the two messages' vectors, 0 to 1
 * @param rootCauseKey the root cause confirmed on that case
 * @param fixThatWorked the curative action taken against that cause, if any
 */
public record SimilarCase(String reference, String subject, double similarity, String rootCauseKey,
		ResolutionKind resolutionKind, ResolutionOutcome resolutionOutcome, String fixThatWorked) {
}

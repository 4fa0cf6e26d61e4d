package io.rootcase.problems;

import java.time.Instant;

/**
 * One recorded step of a problem's workflow: who moved it, when and why.
 */
public record ProblemHistory(ProblemStatus from, ProblemStatus to, String actor, String reason, Instant at) {
}

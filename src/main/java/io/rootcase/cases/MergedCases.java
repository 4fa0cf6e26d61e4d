package io.rootcase.cases;

/**
 * Two cases of a customer after one was merged into the other.
 *
 * @param from the merged case, closed
 * @param into the case that carries the conversation on
 */
public record MergedCases(CaseView from, CaseView into) {
}

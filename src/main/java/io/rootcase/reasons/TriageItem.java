package io.rootcase.reasons;

import java.util.List;

/**
 * An unclassified contact waiting for a person, with the likeliest reasons to choose
 * from.
 */
public record TriageItem(ContactLabel label, String caseReference, List<ReasonView> suggestions) {
}

package io.rootcase.intake;

import java.util.UUID;

import io.rootcase.cases.CaseStatus;

/**
 * What a merge of two cases did.
 *
 * @param contactsMoved how many contacts, the customer's and the replies, moved
 * @param status the status of the case merged into, after the merge
 */
public record MergeReceipt(UUID fromCaseId, String fromCaseReference, UUID caseId, String caseReference,
		int contactsMoved, CaseStatus status) {
}

package io.rootcase.intake;

import java.util.UUID;

/**
 * Where a moved contact went.
 *
 * @param caseOpened whether the contact opened a case of its own
 * @param fromCaseClosed whether the case it left closed, having no contact left
 */
public record MoveReceipt(UUID contactId, UUID fromCaseId, String fromCaseReference, UUID caseId, String caseReference,
		boolean caseOpened, boolean fromCaseClosed) {
}

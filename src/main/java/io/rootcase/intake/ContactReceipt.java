package io.rootcase.intake;

import java.util.UUID;

/**
 * Where a contact went.
 *
 * @param duplicate true when the same (channel, external id) had been received before and
 * this is the first receipt again
 */
public record ContactReceipt(UUID contactId, UUID caseId, String caseReference, UUID customerId, boolean duplicate) {

	ContactReceipt asDuplicate() {
		return new ContactReceipt(this.contactId, this.caseId, this.caseReference, this.customerId, true);
	}

}

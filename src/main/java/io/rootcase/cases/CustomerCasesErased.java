package io.rootcase.cases;

import java.util.List;
import java.util.UUID;

/**
 * The cases of a customer whose personal data is being erased, for the modules that keep
 * words of theirs by case. Published, like {@code CustomerErased}, inside the erasing
 * transaction, and only when the customer has cases.
 */
public record CustomerCasesErased(List<UUID> caseIds) {

	public CustomerCasesErased {
		caseIds = List.copyOf(caseIds);
	}

}

package io.rootcase.cases;

/**
 * A request a case refuses because of its state or its rules, e.g. reopening a closed
 * case or logging an action without a description.
 */
public class CaseRuleViolation extends io.rootcase.shared.ConflictException {

	public CaseRuleViolation(String message) {
		super(message);
	}

}

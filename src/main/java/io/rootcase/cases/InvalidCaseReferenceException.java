package io.rootcase.cases;

public class InvalidCaseReferenceException extends IllegalArgumentException {

	public InvalidCaseReferenceException(String raw) {
		super("'" + raw + "' is not a case reference (expected RC-<number> or a case id)");
	}

}

package io.rootcase.cases;

import io.rootcase.shared.Texts;

public class InvalidCaseReferenceException extends IllegalArgumentException {

	public InvalidCaseReferenceException(String raw) {
		super(Texts.quoted(raw) + " is not a case reference (expected RC-<number> or a case id)");
	}

}

package io.rootcase.cases;

public class CaseNotFoundException extends io.rootcase.shared.NotFoundException {

	public CaseNotFoundException(String reference) {
		super("no case " + reference);
	}

}

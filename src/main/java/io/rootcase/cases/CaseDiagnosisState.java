package io.rootcase.cases;

/**
 * What a case knows of its cause and category: the contact reason it is about, the state
 * of its root cause and, once known or suspected, which one, and the problem it is linked
 * to. Set by the diagnosis, reasons and problems capabilities.
 */
record CaseDiagnosisState(String contactReason, ReasonSource reasonSource, RootCauseState rootCauseState,
		String rootCauseKey, java.util.UUID problemId) {

	static final CaseDiagnosisState UNDIAGNOSED = new CaseDiagnosisState(null, null, RootCauseState.UNDIAGNOSED, null,
			null);

	CaseDiagnosisState withReason(String reason, ReasonSource source) {
		return new CaseDiagnosisState(reason, source, this.rootCauseState, this.rootCauseKey, this.problemId);
	}

	CaseDiagnosisState withRootCause(RootCauseState state, String causeKey) {
		return new CaseDiagnosisState(this.contactReason, this.reasonSource, state, causeKey, this.problemId);
	}

}

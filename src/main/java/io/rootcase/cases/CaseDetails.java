package io.rootcase.cases;

import java.util.List;

/**
 * A case with everything that happened on it, for the case page and the API.
 */
public record CaseDetails(CaseView summary, List<CaseHistory.Transition> transitions, List<CaseHistory.Action> actions,
		List<CaseHistory.Handover> handovers) {
}

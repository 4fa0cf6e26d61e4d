package io.rootcase.trends;

import java.util.List;
import java.util.Objects;

import io.rootcase.cases.CaseView;
import io.rootcase.problems.ProblemView;
import io.rootcase.problems.Problems;

/**
 * Links the cases behind a surge or an emerging problem to a problem, leaving out those
 * another problem already holds (a case belongs to one problem; linking refuses the whole
 * list if one is held elsewhere).
 */
final class ProblemLinks {

	private ProblemLinks() {
	}

	static void linkUnlinked(Problems problems, ProblemView problem, List<CaseView> cases) {
		List<String> references = cases.stream()
			.filter(c -> c.problemId() == null || Objects.equals(c.problemId(), problem.id()))
			.map(CaseView::reference)
			.toList();
		if (!references.isEmpty()) {
			problems.link(problem.reference(), references);
		}
	}

}

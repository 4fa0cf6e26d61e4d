package io.rootcase.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.rootcase.cases.CaseNotFoundException;
import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.diagnosis.Diagnoses;
import io.rootcase.diagnosis.UnknownCauseGroup;
import io.rootcase.problems.Problems;
import io.rootcase.shared.ConflictException;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.staff.Staff;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Cases whose root cause is unknown, grouped by similar characterisation, for
 * investigation: a group is taken up as a problem, whose root cause, once known, explains
 * them.
 */
@Controller
class InvestigationConsole {

	// The latest unknown-cause cases an investigator can take in at once.
	private static final int GROUPED = 300;

	private final Diagnoses diagnoses;

	private final Problems problems;

	private final Cases cases;

	private final Staff staff;

	InvestigationConsole(Diagnoses diagnoses, Problems problems, Cases cases, Staff staff) {
		this.diagnoses = diagnoses;
		this.problems = problems;
		this.cases = cases;
		this.staff = staff;
	}

	/**
	 * A group with the problems that already hold some of its cases.
	 *
	 * @param problems their references, in the order first met
	 * @param allHeld whether every case is held by a problem: there is nothing left to
	 * open a problem for
	 */
	record Group(UnknownCauseGroup cases, List<String> problems, boolean allHeld) {
	}

	@GetMapping("/unknown-causes")
	String unknownCauses(Model model) {
		List<UnknownCauseGroup> groups = this.diagnoses.unknownCauseGroups(GROUPED);
		Map<UUID, CaseView> found = this.cases
			.find(groups.stream().flatMap(g -> g.cases().stream()).map(UnknownCauseGroup.Member::caseId).toList());
		Map<UUID, String> references = new HashMap<>();
		model.addAttribute("groups", groups.stream().map(g -> {
			List<UUID> held = g.cases().stream().map(m -> found.get(m.caseId()).problemId()).toList();
			List<String> problems = held.stream()
				.filter(Objects::nonNull)
				.distinct()
				.map(id -> references.computeIfAbsent(id, p -> this.problems.get(p.toString()).reference()))
				.toList();
			return new Group(g, problems, held.stream().allMatch(Objects::nonNull));
		}).toList());
		model.addAttribute("teams", this.staff.teams());
		return "unknown-causes";
	}

	/** Opens a problem for a group of unknown-cause cases and links them. */
	@PostMapping("/unknown-causes/problem")
	String openProblem(@RequestParam(required = false) String title, @RequestParam(required = false) String description,
			@RequestParam(required = false) String team, @RequestParam(required = false) String owner,
			@RequestParam(name = "cases", required = false) List<String> references, Authentication who,
			RedirectAttributes redirect) {
		return ConsoleResponses.toProblem(redirect,
				ConsoleResponses.outcome(() -> this.problems.openFor(new Problems.ProblemForm(title, description, team,
						owner, null, null, null, null, null, null, null), cases(references), Problems.Actor.of(who))),
				"/unknown-causes");
	}

	private List<CaseView> cases(List<String> references) {
		if (references == null || references.isEmpty()) {
			throw InvalidRequestException.of("cases", "name the cases the problem is for");
		}
		List<CaseView> found = new ArrayList<>();
		for (String reference : references) {
			found.add(this.cases.find(reference).orElseThrow(() -> new CaseNotFoundException(reference)));
		}
		// A problem holds a case alone: one opened now would hold none of them.
		if (found.stream().allMatch(c -> c.problemId() != null)) {
			throw new ConflictException("a problem holds every one of these cases already; nothing was opened");
		}
		return found;
	}

}

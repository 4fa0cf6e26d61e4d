package io.rootcase.console;

import io.rootcase.diagnosis.Diagnoses;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Cases whose root cause is unknown, grouped by similar characterisation, for
 * investigation.
 */
@Controller
class InvestigationConsole {

	// The latest unknown-cause cases an investigator can take in at once.
	private static final int GROUPED = 300;

	private final Diagnoses diagnoses;

	InvestigationConsole(Diagnoses diagnoses) {
		this.diagnoses = diagnoses;
	}

	@GetMapping("/unknown-causes")
	String unknownCauses(Model model) {
		model.addAttribute("groups", this.diagnoses.unknownCauseGroups(GROUPED));
		return "unknown-causes";
	}

}

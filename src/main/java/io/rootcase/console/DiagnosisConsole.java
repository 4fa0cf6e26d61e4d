package io.rootcase.console;

import java.security.Principal;

import io.rootcase.diagnosis.Diagnoses;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The diagnosis panel of the case page.
 */
@Controller
class DiagnosisConsole {

	private final Diagnoses diagnoses;

	private final CasePage page;

	DiagnosisConsole(Diagnoses diagnoses, CasePage page) {
		this.diagnoses = diagnoses;
		this.page = page;
	}

	/**
	 * An answer from the panel: {@code step} is "question|answer" when chosen from the
	 * list of all steps.
	 */
	record AnswerForm(String question, String answer, String step, Boolean volunteered) {

		String questionKey() {
			return this.step != null && this.step.contains("|") ? this.step.substring(0, this.step.indexOf('|'))
					: this.question;
		}

		String answerValue() {
			return this.step != null && this.step.contains("|") ? this.step.substring(this.step.indexOf('|') + 1)
					: this.answer;
		}

	}

	record SkipForm(String question) {
	}

	record ConfirmForm(String cause) {
	}

	@PostMapping("/cases/{reference}/diagnosis")
	String start(@PathVariable String reference, Principal principal,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model, RedirectAttributes redirect) {
		String error = ConsoleResponses.attempt(() -> this.diagnoses.start(reference, principal.getName()));
		return this.page.respond(reference, error, "Diagnosis started.", hx, model, redirect);
	}

	@PostMapping("/cases/{reference}/diagnosis/answer")
	String answer(@PathVariable String reference, AnswerForm form, Principal principal,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model, RedirectAttributes redirect) {
		String error = ConsoleResponses.attempt(() -> this.diagnoses.answer(reference, form.questionKey(),
				form.answerValue(), Boolean.TRUE.equals(form.volunteered()), principal.getName()));
		return this.page.respond(reference, error, "Answer recorded.", hx, model, redirect);
	}

	@PostMapping("/cases/{reference}/diagnosis/skip")
	String skip(@PathVariable String reference, SkipForm form,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model, RedirectAttributes redirect) {
		String error = ConsoleResponses.attempt(() -> this.diagnoses.skip(reference, form.question()));
		return this.page.respond(reference, error, "Step skipped.", hx, model, redirect);
	}

	@PostMapping("/cases/{reference}/diagnosis/confirm")
	String confirm(@PathVariable String reference, ConfirmForm form, Principal principal,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model, RedirectAttributes redirect) {
		String error = ConsoleResponses
			.attempt(() -> this.diagnoses.confirm(reference, form.cause(), principal.getName()));
		return this.page.respond(reference, error, "Root cause confirmed.", hx, model, redirect);
	}

	@PostMapping("/cases/{reference}/diagnosis/unknown")
	String declareUnknown(@PathVariable String reference, Principal principal,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model, RedirectAttributes redirect) {
		String error = ConsoleResponses.attempt(() -> this.diagnoses.declareUnknown(reference, principal.getName()));
		return this.page.respond(reference, error, "Root cause declared unknown; the answers are kept.", hx, model,
				redirect);
	}

}

package io.rootcase.console;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.rootcase.reasons.ContactReasons;
import io.rootcase.reasons.ExampleSource;
import io.rootcase.reasons.ModelStatus;
import io.rootcase.reasons.ModelVersion;
import io.rootcase.reasons.ReasonModels;
import io.rootcase.reasons.ReasonTaxonomy;
import io.rootcase.reasons.ReasonView;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.staff.Staff;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Contact reasons in the console: the triage of unclassified contacts (agents), the
 * case's reason on the case page, and the taxonomy, model versions and training data
 * (managers).
 */
@Controller
class ReasonsConsole {

	private static final int TRIAGE_SIZE = 100;

	private static final int LATEST_EXAMPLES = 20;

	private final ContactReasons contactReasons;

	private final ReasonTaxonomy taxonomy;

	private final ReasonModels models;

	private final Staff staff;

	private final CasePage page;

	ReasonsConsole(ContactReasons contactReasons, ReasonTaxonomy taxonomy, ReasonModels models, Staff staff,
			CasePage page) {
		this.contactReasons = contactReasons;
		this.taxonomy = taxonomy;
		this.models = models;
		this.staff = staff;
		this.page = page;
	}

	record ReasonForm(String key, String name, String description, String team, String parentKey) {
	}

	@PostMapping("/cases/{reference}/reason")
	String caseReason(@PathVariable String reference, @RequestParam(required = false) String reasonKey,
			Principal principal, @RequestHeader(name = "HX-Request", required = false) String hx, Model model,
			RedirectAttributes redirect) {
		String error = ConsoleResponses
			.attempt(() -> this.contactReasons.chooseCaseReason(reference, reasonKey, principal.getName()));
		return this.page.respond(reference, error, "Reason set.", hx, model, redirect);
	}

	@GetMapping("/triage")
	String triage(@RequestHeader(name = "HX-Request", required = false) String hx, Model model) {
		model.addAttribute("items", this.contactReasons.triage(TRIAGE_SIZE));
		model.addAttribute("waiting", this.contactReasons.waitingInTriage());
		model.addAttribute("reasons", this.taxonomy.active());
		return ConsoleResponses.isHtmx(hx) ? "triage :: items" : "triage";
	}

	@PostMapping("/triage/{contactId}")
	String label(@PathVariable UUID contactId, @RequestParam(required = false) String reasonKey, Principal principal,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model, RedirectAttributes redirect) {
		String error = ConsoleResponses
			.attempt(() -> this.contactReasons.label(contactId, reasonKey, principal.getName()));
		String labelled = "Labelled; the model learns from it at its next training.";
		if (ConsoleResponses.isHtmx(hx)) {
			ConsoleResponses.show(model, error, labelled);
			return triage(hx, model);
		}
		ConsoleResponses.flash(redirect, error, labelled);
		return "redirect:/triage";
	}

	@GetMapping("/reasons")
	String reasons(@RequestHeader(name = "HX-Request", required = false) String hx, Model model) {
		List<ModelVersion> versions = this.models.versions();
		model.addAttribute("models", versions);
		model.addAttribute("usable",
				versions.stream().filter(this.models::canUse).map(ModelVersion::version).collect(Collectors.toSet()));
		model.addAttribute("training", versions.stream().anyMatch(v -> v.status() == ModelStatus.TRAINING));
		if (ConsoleResponses.isHtmx(hx)) {
			return "reasons :: models";
		}
		List<ReasonView> all = this.taxonomy.all();
		model.addAttribute("reasons", all);
		model.addAttribute("active", all.stream().filter(ReasonView::isActive).toList());
		model.addAttribute("names", all.stream().collect(Collectors.toMap(ReasonView::key, ReasonView::name)));
		model.addAttribute("teams", this.staff.teams());
		Map<ExampleSource, Long> counts = new EnumMap<>(ExampleSource.class);
		for (ExampleSource source : ExampleSource.values()) {
			counts.put(source, this.contactReasons.countExamples(source));
		}
		model.addAttribute("exampleCounts", counts);
		model.addAttribute("examples", this.contactReasons.examples(null, LATEST_EXAMPLES, 0));
		return "reasons";
	}

	@PostMapping("/reasons")
	String add(ReasonForm form, RedirectAttributes redirect) {
		return done(redirect, () -> this.taxonomy.add(definition(form)), "Reason added.");
	}

	@PostMapping("/reasons/{key}")
	String describe(@PathVariable String key, ReasonForm form, RedirectAttributes redirect) {
		return done(redirect, () -> this.taxonomy.describe(key, definition(form)), "Reason changed.");
	}

	@PostMapping("/reasons/{key}/merge")
	String merge(@PathVariable String key, @RequestParam(required = false) String into, RedirectAttributes redirect) {
		return done(redirect, () -> this.taxonomy.merge(key, into), "Reasons merged.");
	}

	@PostMapping("/reasons/{key}/retire")
	String retire(@PathVariable String key, RedirectAttributes redirect) {
		return done(redirect, () -> this.taxonomy.retire(key), "Reason retired.");
	}

	@PostMapping("/reasons/{key}/reinstate")
	String reinstate(@PathVariable String key, RedirectAttributes redirect) {
		return done(redirect, () -> this.taxonomy.reinstate(key), "Reason back in use.");
	}

	@PostMapping("/reasons/models")
	String retrain(Principal principal, RedirectAttributes redirect) {
		return done(redirect, () -> this.models.requestRetraining(principal.getName()),
				"Training started in the background; reload to see how it did.");
	}

	@PostMapping("/reasons/models/{version}/activate")
	String activate(@PathVariable int version, RedirectAttributes redirect) {
		return done(redirect, () -> this.models.activate(version), "Model version " + version + " is live.");
	}

	@PostMapping("/reasons/examples")
	String importExamples(@RequestParam(name = "file", required = false) MultipartFile file, Principal principal,
			RedirectAttributes redirect) {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("error", "Choose a CSV file with the columns text,category.");
			return "redirect:/reasons";
		}
		try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			ContactReasons.ImportResult result = this.contactReasons.importExamples(reader, principal.getName());
			redirect.addFlashAttribute("message", result.imported() + " examples imported.");
			redirect.addFlashAttribute("warnings", result.warnings());
		}
		catch (InvalidRequestException ex) {
			redirect.addFlashAttribute("error", "Nothing was imported: " + ex.getMessage());
			redirect.addFlashAttribute("warnings",
					ex.problems().stream().map(p -> "line " + p.position() + ": " + p.message()).toList());
		}
		catch (IOException ex) {
			redirect.addFlashAttribute("error", "The file could not be read: " + ex.getMessage());
		}
		return "redirect:/reasons";
	}

	private static ReasonTaxonomy.Definition definition(ReasonForm form) {
		return new ReasonTaxonomy.Definition(form.key(), form.name(), form.description(), form.team(),
				form.parentKey());
	}

	private static String done(RedirectAttributes redirect, Runnable command, String message) {
		String error = ConsoleResponses.attempt(command);
		ConsoleResponses.flash(redirect, error, message);
		return "redirect:/reasons";
	}

}

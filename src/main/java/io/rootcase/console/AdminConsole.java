package io.rootcase.console;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.UUID;

import io.rootcase.intake.ContactImport;
import io.rootcase.operations.BackgroundWork;
import io.rootcase.reasons.ContactReasons;
import io.rootcase.reasons.ReasonModels;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.staff.ApiTokens;
import io.rootcase.staff.Role;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Managers import contact history; admins issue and revoke API tokens and look after the
 * background work.
 */
@Controller
class AdminConsole {

	private static final int FAILED_SHOWN = 100;

	private final ContactImport imports;

	private final ApiTokens tokens;

	private final BackgroundWork work;

	private final ReasonModels models;

	private final ContactReasons contactReasons;

	AdminConsole(ContactImport imports, ApiTokens tokens, BackgroundWork work, ReasonModels models,
			ContactReasons contactReasons) {
		this.imports = imports;
		this.tokens = tokens;
		this.work = work;
		this.models = models;
		this.contactReasons = contactReasons;
	}

	@GetMapping("/import")
	String importPage() {
		return "import";
	}

	@PostMapping("/import")
	String importCsv(@RequestParam("file") MultipartFile file, Model model) throws IOException {
		try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			model.addAttribute("report", this.imports.importCsv(reader));
		}
		catch (InvalidRequestException ex) {
			model.addAttribute("problems", ex.problems());
		}
		return "import";
	}

	@GetMapping("/admin/tokens")
	String tokens(Model model) {
		model.addAttribute("tokens", this.tokens.list());
		model.addAttribute("roles", Role.values());
		return "tokens";
	}

	@PostMapping("/admin/tokens")
	String issue(@RequestParam String name, @RequestParam Role role, Principal principal, Model model) {
		try {
			model.addAttribute("issued", this.tokens.issue(name, role, principal.getName()));
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return tokens(model);
	}

	@GetMapping("/admin/system")
	String system(Model model) {
		model.addAttribute("work", this.work.status(FAILED_SHOWN));
		model.addAttribute("liveModel", this.models.live().map(ReasonModels.LiveModel::version).orElse(null));
		model.addAttribute("notRead", this.contactReasons.notReadByAModel());
		model.addAttribute("triage", this.contactReasons.waitingInTriage());
		model.addAttribute("maxAttempts", BackgroundWork.MAX_ATTEMPTS);
		return "system";
	}

	@PostMapping("/admin/system/retry")
	String retryFailedWork(RedirectAttributes redirect) {
		long failed = this.work.retryNow();
		redirect.addFlashAttribute("message",
				failed == 0 ? "Nothing had failed." : failed + " failed piece(s) of work sent to run again.");
		return "redirect:/admin/system";
	}

	@PostMapping("/admin/tokens/{id}/revoke")
	String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
		String error = ConsoleResponses.attempt(() -> this.tokens.revoke(id));
		if (error != null) {
			redirect.addFlashAttribute("error", error);
		}
		return "redirect:/admin/tokens";
	}

}

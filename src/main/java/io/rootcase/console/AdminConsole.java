package io.rootcase.console;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.UUID;

import io.rootcase.intake.ContactImport;
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
 * Managers import contact history; admins issue and revoke API tokens.
 */
@Controller
class AdminConsole {

	private final ContactImport imports;

	private final ApiTokens tokens;

	AdminConsole(ContactImport imports, ApiTokens tokens) {
		this.imports = imports;
		this.tokens = tokens;
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

	@PostMapping("/admin/tokens/{id}/revoke")
	String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
		String error = ConsoleResponses.attempt(() -> this.tokens.revoke(id));
		if (error != null) {
			redirect.addFlashAttribute("error", error);
		}
		return "redirect:/admin/tokens";
	}

}

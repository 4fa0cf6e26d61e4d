package io.rootcase.console;

import java.security.Principal;

import io.rootcase.staff.Role;
import io.rootcase.staff.Staff;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins keep the people and teams: add an agent, change their name, role or team, give
 * them a new password, deactivate one who leaves (and bring them back). Every agent
 * changes their own password on their account page.
 */
@Controller
class StaffConsole {

	private final Staff staff;

	StaffConsole(Staff staff) {
		this.staff = staff;
	}

	/** A new agent's fields, as the form sends them. */
	record NewAgentForm(String username, String displayName, String password, Role role, String team) {
	}

	/** An agent's changed fields, as the form sends them. */
	record AgentForm(String displayName, Role role, String team) {
	}

	@GetMapping("/admin/staff")
	String staff(Model model) {
		model.addAttribute("agents", this.staff.agents());
		model.addAttribute("teams", this.staff.teams());
		model.addAttribute("roles", Role.values());
		return "staff";
	}

	@PostMapping("/admin/staff/agents")
	String addAgent(NewAgentForm form, RedirectAttributes redirect) {
		ConsoleResponses.flash(redirect,
				ConsoleResponses.attempt(() -> this.staff.addAgent(form.username(), form.displayName(), form.password(),
						form.role() == null ? Role.AGENT : form.role(), blankAsNone(form.team()))),
				"Agent " + form.username() + " added.");
		return "redirect:/admin/staff";
	}

	@PostMapping("/admin/staff/agents/{username}")
	String changeAgent(@PathVariable String username, AgentForm form, RedirectAttributes redirect) {
		ConsoleResponses.flash(redirect, ConsoleResponses
			.attempt(() -> this.staff.changeAgent(username, form.displayName(), form.role(), blankAsNone(form.team()))),
				username + " changed.");
		return "redirect:/admin/staff";
	}

	@PostMapping("/admin/staff/agents/{username}/deactivate")
	String deactivate(@PathVariable String username, Principal principal, RedirectAttributes redirect) {
		ConsoleResponses.flash(redirect,
				ConsoleResponses.attempt(() -> this.staff.deactivate(username, principal.getName())),
				username + " is deactivated and signed out everywhere.");
		return "redirect:/admin/staff";
	}

	@PostMapping("/admin/staff/agents/{username}/reactivate")
	String reactivate(@PathVariable String username, RedirectAttributes redirect) {
		ConsoleResponses.flash(redirect, ConsoleResponses.attempt(() -> this.staff.reactivate(username)),
				username + " can sign in again.");
		return "redirect:/admin/staff";
	}

	@PostMapping("/admin/staff/agents/{username}/password")
	String setPassword(@PathVariable String username, @RequestParam(required = false) String password,
			RedirectAttributes redirect) {
		ConsoleResponses.flash(redirect, ConsoleResponses.attempt(() -> this.staff.setPassword(username, password)),
				username + " has a new password and was signed out everywhere.");
		return "redirect:/admin/staff";
	}

	@PostMapping("/admin/staff/teams")
	String addTeam(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
			RedirectAttributes redirect) {
		ConsoleResponses.flash(redirect, ConsoleResponses.attempt(() -> this.staff.addTeam(code, name)),
				"Team " + name + " added.");
		return "redirect:/admin/staff";
	}

	@PostMapping("/admin/staff/teams/{code}")
	String renameTeam(@PathVariable String code, @RequestParam(required = false) String name,
			RedirectAttributes redirect) {
		ConsoleResponses.flash(redirect, ConsoleResponses.attempt(() -> this.staff.renameTeam(code, name)),
				"Team renamed.");
		return "redirect:/admin/staff";
	}

	@GetMapping("/account")
	String account(Principal principal, Model model) {
		model.addAttribute("agent", this.staff.agent(principal.getName()).orElse(null));
		return "account";
	}

	/** On success every session of the agent ends, this one too: they sign in again. */
	@PostMapping("/account/password")
	String changeOwnPassword(@RequestParam(required = false) String current,
			@RequestParam(required = false) String password, @RequestParam(required = false) String repeated,
			Principal principal, RedirectAttributes redirect) {
		String error = password != null && password.equals(repeated)
				? ConsoleResponses.attempt(() -> this.staff.changeOwnPassword(principal.getName(), current, password))
				: "the new password and its repetition differ";
		if (error != null) {
			redirect.addFlashAttribute("error", error);
			return "redirect:/account";
		}
		return "redirect:/login?password-changed";
	}

	private static String blankAsNone(String team) {
		return team == null || team.isBlank() ? null : team;
	}

}

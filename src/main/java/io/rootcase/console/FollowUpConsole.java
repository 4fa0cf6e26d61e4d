package io.rootcase.console;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.rootcase.followups.FollowUps;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The follow-up queue (mine or everyone's; what is due today, overdue ones first and
 * highlighted, or everything) and follow-ups on the case page.
 */
@Controller
class FollowUpConsole {

	private static final int PAGE_SIZE = 50;

	private final FollowUps followUps;

	private final CasePage page;

	private final Clock clock;

	FollowUpConsole(FollowUps followUps, CasePage page, Clock clock) {
		this.followUps = followUps;
		this.page = page;
		this.clock = clock;
	}

	record ScheduleForm(LocalDate due, String owner, String note) {
	}

	record CompleteForm(String outcome, Boolean tellCustomer) {
	}

	/**
	 * What is due by the end of today (overdue first) and, on request, what comes later;
	 * the counts of both either way.
	 * @param show {@code mine} or {@code all} (everyone's)
	 * @param when {@code now} (due by the end of today) or {@code all}
	 */
	@GetMapping("/follow-ups")
	String queue(@RequestParam(defaultValue = "mine") String show, @RequestParam(defaultValue = "now") String when,
			@RequestParam(required = false) Integer page, Principal principal, Model model) {
		boolean mine = !"all".equals(show);
		boolean now = !"all".equals(when);
		String owner = mine ? principal.getName() : null;
		Instant endOfToday = LocalDate.now(this.clock).plusDays(1).atStartOfDay(this.clock.getZone()).toInstant();
		long dueNow = this.followUps.countOpen(owner, endOfToday);
		long all = this.followUps.countOpen(owner, null);
		Pager pager = Pager.of(page, now ? dueNow : all, PAGE_SIZE);
		model.addAttribute("show", mine ? "mine" : "all");
		model.addAttribute("when", now ? "now" : "all");
		model.addAttribute("dueNow", dueNow);
		model.addAttribute("overdue", this.followUps.countOpen(owner, this.clock.instant()));
		model.addAttribute("later", all - dueNow);
		model.addAttribute("pager", pager);
		model.addAttribute("followUps", this.followUps.open(owner, now ? endOfToday : null, PAGE_SIZE, pager.offset()));
		return "follow-ups";
	}

	@PostMapping("/follow-ups/{id}/complete")
	String complete(@PathVariable UUID id, CompleteForm form, @RequestParam(defaultValue = "mine") String show,
			@RequestParam(defaultValue = "now") String when, @RequestParam(required = false) Integer page,
			Principal principal, RedirectAttributes redirect) {
		String error = ConsoleResponses.attempt(() -> this.followUps.complete(id, form.outcome(),
				Boolean.TRUE.equals(form.tellCustomer()), principal.getName()));
		ConsoleResponses.flash(redirect, error, "Follow-up done.");
		// Back to the same page; past the last one (it held the last row) shows the last.
		return "redirect:/follow-ups?show=" + ("all".equals(show) ? "all" : "mine") + "&when="
				+ ("all".equals(when) ? "all" : "now") + (page == null ? "" : "&page=" + Math.max(1, page));
	}

	@PostMapping("/cases/{reference}/follow-ups")
	String schedule(@PathVariable String reference, ScheduleForm form, Principal principal,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model, RedirectAttributes redirect) {
		String error = ConsoleResponses.attempt(() -> this.followUps.schedule(reference,
				form.due() == null ? null : form.due().atTime(9, 0).atZone(this.clock.getZone()).toInstant(),
				form.owner() == null || form.owner().isBlank() ? principal.getName() : form.owner(), form.note(),
				principal.getName()));
		return this.page.respond(reference, error, "Follow-up scheduled.", hx, model, redirect);
	}

}

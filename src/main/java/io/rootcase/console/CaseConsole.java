package io.rootcase.console;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.rootcase.cases.ActionKind;
import io.rootcase.cases.CaseQuery;
import io.rootcase.cases.CaseStatus;
import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.cases.ResolutionKind;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.customers.CustomerView;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.MergeReceipt;
import io.rootcase.intake.MoveReceipt;
import io.rootcase.reasons.ReasonTaxonomy;
import io.rootcase.reasons.ReasonView;
import io.rootcase.shared.Channel;
import io.rootcase.staff.Staff;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

@Controller
class CaseConsole {

	static final Map<String, Duration> AGES = new LinkedHashMap<>();

	static {
		AGES.put("1h", Duration.ofHours(1));
		AGES.put("4h", Duration.ofHours(4));
		AGES.put("1d", Duration.ofDays(1));
		AGES.put("3d", Duration.ofDays(3));
		AGES.put("7d", Duration.ofDays(7));
	}

	static final int PAGE_SIZE = 50;

	private final Cases cases;

	private final CustomerDirectory customers;

	private final ContactIntake intake;

	private final Staff staff;

	private final Clock clock;

	private final CasePage page;

	private final ReasonTaxonomy reasons;

	CaseConsole(Cases cases, CustomerDirectory customers, ContactIntake intake, Staff staff, Clock clock, CasePage page,
			ReasonTaxonomy reasons) {
		this.cases = cases;
		this.customers = customers;
		this.intake = intake;
		this.staff = staff;
		this.clock = clock;
		this.page = page;
		this.reasons = reasons;
	}

	/**
	 * The queue's filter form; bound from query parameters, never a domain object.
	 *
	 * @param q words of the subject, or a case reference
	 * @param reason a contact reason's key: its cases and those of reasons merged into it
	 * @param assigned {@code me}, {@code none} or anyone when empty
	 * @param answer {@code overdue} for the cases whose customer's answer is overdue, or
	 * any when empty
	 * @param page from 1
	 */
	record QueueFilter(String q, CaseStatus status, Channel channel, String team, String age, ResolutionKind resolution,
			String reason, String assigned, String answer, CaseQuery.Order order, Integer page) {
	}

	/**
	 * @param remedy the knowledge base's fix or workaround applied, if chosen
	 * @param causeKey the confirmed root cause the remedy belongs to
	 */
	record ActionForm(ActionKind kind, String description, Integer minutesSpent, String remedy, String causeKey,
			String repeatReason) {
	}

	record ReplyForm(String text) {
	}

	record HandoverForm(String team, String agent, String note) {
	}

	record StatusForm(CaseStatus status, String reason) {
	}

	/**
	 * @param target the case to move to; blank for a new case
	 */
	record MoveForm(String target, String reason) {
	}

	/**
	 * @param into the case to merge this one into
	 */
	record MergeForm(String into, String reason) {
	}

	@GetMapping("/")
	String home() {
		return "redirect:/cases";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/cases")
	String queue(@ModelAttribute("filter") QueueFilter filter, Principal principal,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model) {
		Duration age = filter.age() == null ? null : AGES.get(filter.age());
		Instant openedBefore = age == null ? null : this.clock.instant().minus(age);
		Set<CaseStatus> statuses = filter.status() == null ? null : EnumSet.of(filter.status());
		String assignee = "me".equals(filter.assigned()) ? principal.getName() : null;
		boolean unassigned = "none".equals(filter.assigned());
		// One read of the taxonomy serves the filter, the Reason column and the choices.
		List<ReasonView> taxonomy = this.reasons.all();
		Map<String, String> countsAs = taxonomy.stream()
			.collect(Collectors.toMap(ReasonView::key, ReasonView::countsAs));
		CaseQuery all = new CaseQuery(statuses, filter.channel(), filter.team(), assignee, unassigned, openedBefore,
				null, filter.resolution(), countingAs(filter.reason(), countsAs), filter.q(),
				"overdue".equals(filter.answer()) ? this.clock.instant() : null, filter.order(), PAGE_SIZE, 0);
		long total = this.cases.count(all);
		Pager pager = Pager.of(filter.page(), total, PAGE_SIZE);
		List<CaseView> found = this.cases.queue(all.page(PAGE_SIZE, pager.offset()));
		Map<UUID, String> labels = new HashMap<>();
		for (CaseView c : found) {
			labels.computeIfAbsent(c.customerId(),
					id -> this.customers.find(id).map(CustomerView::label).orElse(id.toString()));
		}
		model.addAttribute("cases", found);
		model.addAttribute("pager", pager);
		model.addAttribute("previousPage", pager.hasPrevious() ? pageLink(filter, pager.page() - 1) : null);
		model.addAttribute("nextPage", pager.hasNext() ? pageLink(filter, pager.page() + 1) : null);
		model.addAttribute("orders", CaseQuery.Order.values());
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("customerLabels", labels);
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("resolutionKinds", ResolutionKind.values());
		model.addAttribute("teams", this.staff.teams());
		Map<String, String> names = taxonomy.stream().collect(Collectors.toMap(ReasonView::key, ReasonView::name));
		Map<String, String> reasonNames = new HashMap<>();
		countsAs.forEach((key, current) -> reasonNames.put(key, names.get(current)));
		model.addAttribute("reasonNames", reasonNames);
		model.addAttribute("reasons", taxonomy.stream().filter(ReasonView::isActive).toList());
		Map<String, String> ages = new LinkedHashMap<>();
		AGES.forEach((key, value) -> ages.put(key, "older than " + key));
		model.addAttribute("ages", ages);
		return ConsoleResponses.isHtmx(hx) ? "cases/queue :: queue" : "cases/queue";
	}

	/**
	 * The reason's key and those of the reasons merged into it: a case keeps the key of
	 * its reason when that reason is merged into another later.
	 * @param countsAs what each reason key counts as now
	 */
	private static Set<String> countingAs(String reason, Map<String, String> countsAs) {
		if (reason == null || reason.isBlank()) {
			return null;
		}
		Set<String> keys = new HashSet<>(Set.of(reason.strip()));
		countsAs.forEach((key, current) -> {
			if (current.equals(reason.strip())) {
				keys.add(key);
			}
		});
		return keys;
	}

	/**
	 * The queue as it is filtered now, on another page; relative, so it holds behind a
	 * proxy that serves the console under another host name.
	 */
	private static String pageLink(QueueFilter filter, int page) {
		UriComponents link = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/cases")
			.queryParamIfPresent("q", Optional.ofNullable(filter.q()).filter(q -> !q.isBlank()))
			.queryParamIfPresent("status", Optional.ofNullable(filter.status()))
			.queryParamIfPresent("channel", Optional.ofNullable(filter.channel()))
			.queryParamIfPresent("team", Optional.ofNullable(filter.team()))
			.queryParamIfPresent("age", Optional.ofNullable(filter.age()))
			.queryParamIfPresent("resolution", Optional.ofNullable(filter.resolution()))
			.queryParamIfPresent("reason", Optional.ofNullable(filter.reason()).filter(r -> !r.isBlank()))
			.queryParamIfPresent("assigned", Optional.ofNullable(filter.assigned()))
			.queryParamIfPresent("answer", Optional.ofNullable(filter.answer()).filter(a -> !a.isBlank()))
			.queryParamIfPresent("order", Optional.ofNullable(filter.order()))
			.queryParam("page", page)
			.encode()
			.build();
		return link.getPath() + "?" + link.getQuery();
	}

	@GetMapping("/cases/{reference}")
	String detail(@PathVariable String reference, @RequestHeader(name = "HX-Request", required = false) String hx,
			Model model) {
		this.page.populate(reference, model);
		return ConsoleResponses.isHtmx(hx) ? "cases/detail :: case" : "cases/detail";
	}

	@PostMapping("/cases/{reference}/actions")
	String recordAction(@PathVariable String reference, ActionForm form, Principal principal,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model, RedirectAttributes redirect) {
		String error = ConsoleResponses.attempt(() -> this.cases.recordAction(reference, form.kind(),
				form.description(), form.minutesSpent() == null ? 0 : form.minutesSpent(),
				form.remedy() == null || form.remedy().isBlank() ? null : form.causeKey(), form.remedy(),
				form.repeatReason(), principal.getName(), this.clock.instant()));
		return this.page.respond(reference, error, "Action recorded.", hx, model, redirect);
	}

	@PostMapping("/cases/{reference}/reply")
	String reply(@PathVariable String reference, ReplyForm form, Principal principal,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model, RedirectAttributes redirect) {
		String error = ConsoleResponses.attempt(() -> this.intake.reply(reference, form.text(), principal.getName()));
		return this.page.respond(reference, error, "Reply sent.", hx, model, redirect);
	}

	@PostMapping("/cases/{reference}/handover")
	String handOver(@PathVariable String reference, HandoverForm form, Principal principal,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model, RedirectAttributes redirect) {
		String error = ConsoleResponses
			.attempt(() -> this.cases.handOver(reference, form.team(), form.agent(), form.note(), principal.getName()));
		return this.page.respond(reference, error, "Case handed over.", hx, model, redirect);
	}

	@PostMapping("/cases/{reference}/contacts/{contactId}/move")
	String moveContact(@PathVariable String reference, @PathVariable UUID contactId, MoveForm form, Principal principal,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model, RedirectAttributes redirect) {
		ConsoleResponses.Outcome<MoveReceipt> moved = ConsoleResponses
			.outcome(() -> this.intake.move(contactId, form.target(), form.reason(), principal.getName()));
		String done = moved.refused() ? null
				: "Contact moved to " + moved.value().caseReference()
						+ (moved.value().caseOpened() ? ", a new case" : "")
						+ (moved.value().fromCaseClosed() ? "; this case had nothing left and is closed." : ".");
		return this.page.respond(reference, moved.error(), done, hx, model, redirect);
	}

	@PostMapping("/cases/{reference}/merge")
	String merge(@PathVariable String reference, MergeForm form, Principal principal,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		ConsoleResponses.Outcome<MergeReceipt> merged = ConsoleResponses
			.outcome(() -> this.intake.merge(reference, form.into(), form.reason(), principal.getName()));
		if (merged.refused()) {
			return this.page.respond(reference, merged.error(), null, hx, model, redirect);
		}
		MergeReceipt receipt = merged.value();
		if (ConsoleResponses.isHtmx(hx)) {
			// The page now shows the case merged into, so the address says so too.
			response.setHeader("HX-Push-Url",
					ServletUriComponentsBuilder.fromCurrentContextPath()
						.path("/cases/{reference}")
						.buildAndExpand(receipt.caseReference())
						.getPath());
		}
		return this.page.respond(receipt.caseReference(), null,
				receipt.fromCaseReference() + " merged into this case: " + receipt.contactsMoved()
						+ (receipt.contactsMoved() == 1 ? " contact" : " contacts") + " moved here, "
						+ receipt.fromCaseReference() + " closed.",
				hx, model, redirect);
	}

	@PostMapping("/cases/{reference}/status")
	String changeStatus(@PathVariable String reference, StatusForm form, Principal principal,
			@RequestHeader(name = "HX-Request", required = false) String hx, Model model, RedirectAttributes redirect) {
		String error = ConsoleResponses.attempt(() -> {
			if (form.status() == null) {
				throw new IllegalArgumentException("choose a status");
			}
			this.cases.changeStatus(reference, form.status(), form.reason(), principal.getName());
		});
		return this.page.respond(reference, error, "Status changed.", hx, model, redirect);
	}

}

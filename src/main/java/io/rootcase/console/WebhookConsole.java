package io.rootcase.console;

import java.security.Principal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.rootcase.console.ConsoleResponses.Outcome;
import io.rootcase.webhooks.WebhookEvent;
import io.rootcase.webhooks.Webhooks;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins subscribe other systems to Rootcase's events and see whether each receiver takes
 * its deliveries.
 */
@Controller
class WebhookConsole {

	/** The latest deliveries shown under each subscription. */
	private static final int DELIVERIES_SHOWN = 5;

	private final Webhooks webhooks;

	WebhookConsole(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@GetMapping("/admin/webhooks")
	String page(Model model) {
		List<Webhooks.SubscriptionView> subscriptions = this.webhooks.subscriptions();
		Map<UUID, List<Webhooks.DeliveryView>> deliveries = new LinkedHashMap<>();
		subscriptions.forEach(s -> deliveries.put(s.id(), this.webhooks.deliveries(s.id(), DELIVERIES_SHOWN)));
		model.addAttribute("subscriptions", subscriptions);
		model.addAttribute("deliveries", deliveries);
		model.addAttribute("events",
				EnumSet.complementOf(EnumSet.of(WebhookEvent.PING)).stream().map(WebhookEvent::wireName).toList());
		return "webhooks";
	}

	@PostMapping("/admin/webhooks")
	String subscribe(@RequestParam(required = false) String url,
			@RequestParam(name = "events", required = false) List<String> events, Principal who, Model model) {
		Outcome<Webhooks.Subscribed> subscribed = ConsoleResponses
			.outcome(() -> this.webhooks.subscribe(url, parse(events), who.getName()));
		if (subscribed.refused()) {
			model.addAttribute("error", subscribed.error());
		}
		else {
			model.addAttribute("subscribed", subscribed.value());
		}
		return page(model);
	}

	@PostMapping("/admin/webhooks/{id}/ping")
	String ping(@PathVariable UUID id, RedirectAttributes redirect) {
		ConsoleResponses.flash(redirect, ConsoleResponses.attempt(() -> this.webhooks.ping(id)),
				"Ping queued: it goes out with the next deliveries.");
		return "redirect:/admin/webhooks";
	}

	@PostMapping("/admin/webhooks/{id}/remove")
	String remove(@PathVariable UUID id, RedirectAttributes redirect) {
		ConsoleResponses.flash(redirect, ConsoleResponses.attempt(() -> this.webhooks.remove(id)),
				"Subscription removed: nothing more is sent to it.");
		return "redirect:/admin/webhooks";
	}

	private static Set<WebhookEvent> parse(List<String> events) {
		Set<WebhookEvent> parsed = EnumSet.noneOf(WebhookEvent.class);
		if (events != null) {
			for (WebhookEvent e : WebhookEvent.values()) {
				if (events.contains(e.wireName())) {
					parsed.add(e);
				}
			}
		}
		return parsed;
	}

}

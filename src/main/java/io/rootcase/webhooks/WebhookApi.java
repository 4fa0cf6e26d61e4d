package io.rootcase.webhooks;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.rootcase.shared.Limits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions, for admins (the security configuration guards /api/admin). */
@RestController
@Tag(name = "Webhooks (admins)")
class WebhookApi {

	private static final int MAX_LIMIT = 500;

	private final Webhooks webhooks;

	WebhookApi(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	record SubscribeRequest(String url, Set<WebhookEvent> events) {
	}

	@Operation(summary = "Subscribe an endpoint to events; the answer holds the signing secret, shown this once")
	@PostMapping("/api/admin/webhooks")
	@ResponseStatus(HttpStatus.CREATED)
	Webhooks.Subscribed subscribe(@RequestBody SubscribeRequest request, Principal who) {
		return this.webhooks.subscribe(request.url(), request.events(), who.getName());
	}

	@Operation(summary = "Webhook subscriptions, the active ones first")
	@GetMapping("/api/admin/webhooks")
	List<Webhooks.SubscriptionView> list() {
		return this.webhooks.subscriptions();
	}

	@Operation(summary = "Stop sending to a subscription; what still waits for it is given up")
	@DeleteMapping("/api/admin/webhooks/{id}")
	Webhooks.SubscriptionView remove(@PathVariable UUID id) {
		return this.webhooks.remove(id);
	}

	@Operation(summary = "Send a ping to a subscription, to check that its receiver takes deliveries")
	@PostMapping("/api/admin/webhooks/{id}/ping")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Webhooks.DeliveryView ping(@PathVariable UUID id) {
		return this.webhooks.ping(id);
	}

	@Operation(summary = "A subscription's deliveries, newest first, with each one's attempts and last answer")
	@GetMapping("/api/admin/webhooks/{id}/deliveries")
	List<Webhooks.DeliveryView> deliveries(@PathVariable UUID id, @RequestParam(defaultValue = "100") int limit) {
		return this.webhooks.deliveries(id, Limits.within(limit, MAX_LIMIT));
	}

}

package io.rootcase.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import io.rootcase.shared.InvalidRequestException;
import io.rootcase.shared.Texts;

/**
 * An endpoint of another system that receives some of Rootcase's events.
 *
 * @param secret the key its deliveries are signed with; the receiver holds it too
 * @param removedAt when an admin removed it; nothing more is sent to it then
 */
record WebhookSubscription(UUID id, URI url, Set<WebhookEvent> events, String secret, Instant createdAt,
		String createdBy, Instant removedAt) {

	static final int MAX_URL = 2000;

	/**
	 * @throws InvalidRequestException for a URL that is not an absolute http(s) address,
	 * or no events
	 */
	static WebhookSubscription subscribe(UUID id, String url, Set<WebhookEvent> events, String secret, String actor,
			Instant at) {
		if (events == null || events.isEmpty() || events.stream().anyMatch(java.util.Objects::isNull)) {
			throw InvalidRequestException.of("events",
					"name the events to send: surge_detected, notice_published and/or reply_sent");
		}
		return new WebhookSubscription(id, endpoint(url), EnumSet.copyOf(events), secret, at, actor, null);
	}

	private static URI endpoint(String url) {
		String text = url == null ? "" : url.strip();
		if (text.isEmpty() || text.length() > MAX_URL) {
			throw InvalidRequestException.of("url",
					"a webhook needs the URL to post to, at most " + MAX_URL + " characters");
		}
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
			if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
					|| uri.getRawUserInfo() != null) {
				throw InvalidRequestException.of("url",
						"a webhook URL is an absolute http or https address without credentials, e.g. "
								+ "https://chat.example.com/hooks/rootcase");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw InvalidRequestException.of("url", Texts.quoted(text) + " is not a URL: " + ex.getReason());
		}
	}

	boolean wants(WebhookEvent event) {
		return this.removedAt == null && (event == WebhookEvent.PING || this.events.contains(event));
	}

	WebhookSubscription removed(Instant at) {
		return this.removedAt != null ? this : new WebhookSubscription(this.id, this.url, this.events, this.secret,
				this.createdAt, this.createdBy, at);
	}

}

package io.rootcase.webhooks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Posts a delivery to its receiver with the JDK's HTTP client: bounded waits, no
 * redirects (a receiver that moved must be subscribed again, not followed silently), the
 * answer's body ignored.
 */
@Component
class WebhookSender {

	private final HttpClient http;

	private final Duration timeout;

	WebhookSender(@Value("${rootcase.webhooks.timeout:PT10S}") Duration timeout) {
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** The receiver's answer, or why there was none. */
	record Answer(Integer status, String error) {

		static Answer of(int status) {
			return status >= 200 && status < 300 ? new Answer(status, null)
					: new Answer(status, "the receiver answered " + status);
		}

		/** Only a 2xx answer leaves no error. */
		boolean taken() {
			return this.error == null;
		}

	}

	/** Why there was no answer, for the admin who reads the delivery. */
	private String why(IOException ex) {
		if (ex instanceof HttpTimeoutException) {
			return "no answer within " + this.timeout.toSeconds() + " s";
		}
		if (ex instanceof ConnectException) {
			return "could not connect: nothing takes connections at that address";
		}
		return ex.getMessage() == null ? ex.getClass().getSimpleName()
				: ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	Answer send(URI url, String secret, WebhookDelivery delivery, Instant at) {
		long timestamp = at.getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "Rootcase-Webhooks/1")
			.header("X-Rootcase-Event", delivery.event().wireName())
			.header("X-Rootcase-Delivery", delivery.id().toString())
			.header("X-Rootcase-Timestamp", Long.toString(timestamp))
			.header("X-Rootcase-Signature", WebhookSignature.sign(secret, timestamp, delivery.payload()))
			.POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
			.build();
		try {
			return Answer.of(this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
		}
		catch (IOException ex) {
			return new Answer(null, why(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(null, "interrupted while sending");
		}
	}

}

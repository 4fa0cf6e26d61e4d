package io.rootcase.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a receiver checks before trusting a delivery: HMAC-SHA256 with the
 * subscription's secret over the timestamp, a dot and the body, in hex, as
 * {@code v1=<hex>}. Signing the timestamp too lets receivers refuse old deliveries
 * replayed by someone who recorded one.
 */
final class WebhookSignature {

	static final String VERSION = "v1=";

	private WebhookSignature() {
	}

	static String sign(String secret, long epochSeconds, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] signed = mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
			return VERSION + HexFormat.of().formatHex(signed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}

package io.rootcase.notices;

import java.util.List;
import java.util.Optional;

import io.rootcase.customers.Identity;
import io.rootcase.customers.IdentityKind;
import io.rootcase.shared.Channel;

/**
 * How a notice reaches a customer: by e-mail when we know an address, else a direct
 * message to their social handle, else a text message to their phone. An account number
 * alone reaches nobody.
 */
final class Reach {

	private static final List<IdentityKind> PREFERRED = List.of(IdentityKind.EMAIL, IdentityKind.SOCIAL_HANDLE,
			IdentityKind.PHONE);

	private Reach() {
	}

	/** The channel and address to use, from the customer's identities, oldest first. */
	static Optional<Delivery> of(List<Identity> identities) {
		for (IdentityKind kind : PREFERRED) {
			for (Identity identity : identities) {
				if (identity.kind() == kind) {
					return Optional.of(new Delivery(channelOf(kind), identity.value()));
				}
			}
		}
		return Optional.empty();
	}

	private static Channel channelOf(IdentityKind kind) {
		return switch (kind) {
			case EMAIL -> Channel.EMAIL;
			case SOCIAL_HANDLE -> Channel.SOCIAL;
			default -> Channel.PHONE;
		};
	}

	record Delivery(Channel channel, String address) {
	}

}

package io.rootcase.customers;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.rootcase.shared.ConflictException;
import io.rootcase.shared.Ids;
import io.rootcase.shared.Texts;

/**
 * A person or organisation we serve, known by one or more identities across channels. A
 * customer found to be the same as another is merged into it and keeps existing only as a
 * pointer, so nothing that referred to it is lost.
 */
final class Customer {

	private final UUID id;

	private final Instant createdAt;

	private final Set<Identity> identities;

	private final Map<String, String> attributes;

	private String displayName;

	private UUID mergedInto;

	private Instant erasedAt;

	Customer(UUID id, String displayName, Instant createdAt, Set<Identity> identities, Map<String, String> attributes,
			UUID mergedInto, Instant erasedAt) {
		this.erasedAt = erasedAt;
		this.id = id;
		this.displayName = displayName;
		this.createdAt = createdAt;
		this.identities = new LinkedHashSet<>(identities);
		this.attributes = new LinkedHashMap<>(attributes);
		this.mergedInto = mergedInto;
	}

	static Customer register(Set<Identity> identities, String displayName, Instant at) {
		if (identities.isEmpty()) {
			throw new IllegalArgumentException("a customer is registered from at least one identity");
		}
		return new Customer(Ids.next(), Texts.blankToNull(displayName), at, identities, Map.of(), null, null);
	}

	/** Takes on an identity the customer has just used for the first time. */
	void recognise(Identity identity) {
		guardNotMerged();
		this.identities.add(identity);
	}

	/**
	 * Remembers the customer's name when we learn it; a known name is not overwritten.
	 */
	boolean learnName(String name) {
		if (this.displayName == null && Texts.blankToNull(name) != null) {
			this.displayName = name.strip();
			return true;
		}
		return false;
	}

	/**
	 * Folds another record of the same customer into this one: its identities and the
	 * attributes this one lacks come over, and it points here from now on.
	 */
	CustomersMerged absorb(Customer other, String actor, Instant at) {
		if (other.id.equals(this.id)) {
			throw new IllegalArgumentException("a customer cannot be merged into itself");
		}
		guardNotMerged();
		other.guardNotMerged();
		this.identities.addAll(other.identities);
		other.identities.clear();
		other.attributes.forEach(this.attributes::putIfAbsent);
		if (this.displayName == null) {
			this.displayName = other.displayName;
		}
		other.mergedInto = this.id;
		return new CustomersMerged(this.id, other.id, actor, at);
	}

	/**
	 * Forgets who the customer is, on their request: name, identities and segment. The
	 * record stays, as a pointer for the cases and contacts that keep it (their words are
	 * erased by the modules that keep them).
	 * @throws CustomerMergedException for a record merged into another: erase that one
	 * @throws ConflictException when it was erased before
	 */
	void erase(Instant at) {
		guardNotMerged();
		if (this.erasedAt != null) {
			throw new ConflictException("customer " + this.id + " was erased on " + this.erasedAt);
		}
		this.displayName = null;
		this.identities.clear();
		this.attributes.clear();
		this.erasedAt = at;
	}

	private void guardNotMerged() {
		if (this.mergedInto != null) {
			throw new CustomerMergedException(this.id, this.mergedInto);
		}
	}

	UUID id() {
		return this.id;
	}

	String displayName() {
		return this.displayName;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Set<Identity> identities() {
		return Collections.unmodifiableSet(this.identities);
	}

	Map<String, String> attributes() {
		return Collections.unmodifiableMap(this.attributes);
	}

	UUID mergedInto() {
		return this.mergedInto;
	}

	Instant erasedAt() {
		return this.erasedAt;
	}

	CustomerView toView() {
		return new CustomerView(this.id, this.displayName, this.identities.stream().toList(),
				Map.copyOf(this.attributes), this.createdAt, this.mergedInto, this.erasedAt);
	}

}

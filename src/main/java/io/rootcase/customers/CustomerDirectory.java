package io.rootcase.customers;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.rootcase.shared.InvalidRequestException;
import io.rootcase.shared.Texts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers module's API: recognises customers by any identity, and merges records
 * that turn out to be one person.
 */
@Service
public class CustomerDirectory {

	static final int MAX_ERASURE_REASON = 200;

	private final CustomerRepository customers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String defaultPhoneRegion;

	CustomerDirectory(CustomerRepository customers, ApplicationEventPublisher events, Clock clock,
			@Value("${rootcase.customers.default-phone-region:US}") String defaultPhoneRegion) {
		this.customers = customers;
		this.events = events;
		this.clock = clock;
		this.defaultPhoneRegion = defaultPhoneRegion;
	}

	/** Parses a raw identity with this installation's phone region. */
	public Identity identity(IdentityKind kind, String raw) {
		return Identity.parse(kind, raw, this.defaultPhoneRegion);
	}

	/**
	 * Finds the customer behind these identities, or registers a new one. When the
	 * identities point at different customers the strongest identity wins (account
	 * number, then e-mail, phone, social handle) and the others are left where they are:
	 * joining two people is an agent's decision (see {@link #merge}). Identities nobody
	 * owns yet are added to the customer found.
	 * @return the customer's id
	 */
	@Transactional
	public UUID recognise(Set<Identity> identities, String name) {
		Map<Identity, CustomerRepository.Owner> owners = this.customers.ownersOf(identities);
		if (owners.isEmpty()) {
			Customer customer = Customer.register(identities, name, this.clock.instant());
			this.customers.insert(customer);
			return customer.id();
		}
		CustomerRepository.Owner owner = owners.entrySet()
			.stream()
			.max(Comparator.comparingInt(e -> e.getKey().strength()))
			.orElseThrow()
			.getValue();
		boolean learnsName = !owner.named() && name != null && !name.isBlank();
		if (owners.size() == identities.size() && !learnsName) {
			// The usual case, a customer we know by everything they gave: nothing to
			// change.
			return owner.customerId();
		}
		Customer customer = this.customers.findById(owner.customerId())
			.orElseThrow(() -> new CustomerNotFoundException(owner.customerId()));
		for (Identity identity : identities) {
			if (!owners.containsKey(identity)) {
				customer.recognise(identity);
				this.customers.insertIdentity(customer.id(), identity, this.clock.instant());
			}
		}
		if (customer.learnName(name)) {
			this.customers.updateName(customer);
		}
		return customer.id();
	}

	/**
	 * Holds the customer's row until the current transaction ends, so work that must not
	 * interleave per customer (threading contacts into cases) runs one at a time.
	 */
	@Transactional
	public void lockForUpdate(UUID customerId) {
		this.customers.lock(customerId);
	}

	@Transactional(readOnly = true)
	public Optional<CustomerView> find(UUID id) {
		return this.customers.findById(id).map(Customer::toView);
	}

	@Transactional(readOnly = true)
	public List<CustomerView> search(String query, int limit) {
		if (query == null || query.isBlank()) {
			return List.of();
		}
		return this.customers.findAll(this.customers.search(query, limit)).stream().map(Customer::toView).toList();
	}

	/**
	 * The customers (not merged away) whose attribute has exactly this value: a segment
	 * such as {@code plan=Fibre 500}.
	 */
	@Transactional(readOnly = true)
	public List<UUID> inSegment(String attribute, String value) {
		return this.customers.inSegment(attribute, value);
	}

	/**
	 * The identities of many customers at once, oldest first; a customer without any is
	 * left out.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, List<Identity>> identitiesOf(Collection<UUID> customerIds) {
		return this.customers.identitiesOf(List.copyOf(customerIds));
	}

	/** Records segment attributes (plan, region, device, ...) a customer carries. */
	@Transactional
	public void describe(UUID customerId, Map<String, String> attributes) {
		Customer customer = this.customers.findById(customerId)
			.orElseThrow(() -> new CustomerNotFoundException(customerId));
		if (customer.mergedInto() != null) {
			throw new CustomerMergedException(customerId, customer.mergedInto());
		}
		attributes.forEach((name, value) -> this.customers.putAttribute(customerId, name, value));
	}

	/**
	 * Merges {@code mergedId} into {@code survivorId}. Identities move over at once; the
	 * other modules move the merged customer's cases and contacts when they hear of
	 * {@link CustomersMerged}, so the survivor's timeline ends up holding both.
	 */
	@Transactional
	public CustomerView merge(UUID survivorId, UUID mergedId, String actor) {
		Customer survivor = this.customers.findById(survivorId)
			.orElseThrow(() -> new CustomerNotFoundException(survivorId));
		Customer merged = this.customers.findById(mergedId).orElseThrow(() -> new CustomerNotFoundException(mergedId));
		CustomersMerged event = survivor.absorb(merged, actor, this.clock.instant());
		this.customers.recordMerge(survivor, merged, event);
		this.events.publishEvent(event);
		return survivor.toView();
	}

	/**
	 * Erases a customer's personal data on their request: their name, identities and
	 * segment here, and, through {@link CustomerErased} heard in this same transaction,
	 * the words and addresses of theirs every other module keeps. What they contacted us
	 * about, when and on which channel, and what agents did, stay (without them, counts
	 * and trends would change the past).
	 * @param reason why, e.g. the request's reference; required, at most 200 characters
	 * @throws CustomerNotFoundException for an unknown customer
	 * @throws CustomerMergedException for a record merged into another: erase that one
	 * @throws ConflictException when the customer was erased before
	 */
	@Transactional
	public CustomerView erase(UUID customerId, String reason, String actor) {
		String why = Texts.blankToNull(reason);
		if (why == null || why.length() > MAX_ERASURE_REASON) {
			throw InvalidRequestException.of("reason",
					"say why the data is erased (e.g. the request's reference), at most " + MAX_ERASURE_REASON
							+ " characters");
		}
		Customer customer = this.customers.findById(customerId)
			.orElseThrow(() -> new CustomerNotFoundException(customerId));
		this.customers.lock(customerId);
		customer.erase(this.clock.instant());
		List<UUID> merged = this.customers.mergedInto(customerId);
		this.customers.recordErasure(customer, merged, actor, why);
		List<UUID> all = new java.util.ArrayList<>(merged);
		all.add(0, customerId);
		this.events.publishEvent(new CustomerErased(customerId, all, customer.erasedAt()));
		return customer.toView();
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.customers.count();
	}

	/**
	 * Every identity parsed, for callers that validate a whole request before storing.
	 */
	public Set<Identity> identities(Map<IdentityKind, String> raw) {
		Set<Identity> parsed = new LinkedHashSet<>();
		raw.forEach((kind, value) -> parsed.add(identity(kind, value)));
		return parsed;
	}

}

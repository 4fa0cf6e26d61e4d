package io.rootcase.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.rootcase.cases.CaseNotFoundException;
import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.cases.ContactOnCase;
import io.rootcase.cases.MergedCases;
import io.rootcase.cases.MovedContact;
import io.rootcase.cases.WhatStays;
import io.rootcase.customers.CustomerDirectory;
import io.rootcase.customers.CustomerNotFoundException;
import io.rootcase.customers.CustomerView;
import io.rootcase.customers.CustomersMerged;
import io.rootcase.customers.Identity;
import io.rootcase.customers.IdentityKind;
import io.rootcase.customers.InvalidIdentityException;
import io.rootcase.intake.InvalidContactException.ItemViolations;
import io.rootcase.shared.Channel;
import io.rootcase.shared.ConflictException;
import io.rootcase.shared.Direction;
import io.rootcase.shared.Ids;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.shared.NotFoundException;
import io.rootcase.shared.Texts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake module's API: takes contacts from every channel, recognises the customer,
 * threads the contact into its case and stores it, once.
 */
@Service
public class ContactIntake {

	/**
	 * How often a contact is tried again after losing a race with a concurrent one (the
	 * same retry, or the same new customer). Each retry starts by looking for the
	 * winner's result, so two are enough in practice; the rest is margin for busy
	 * databases.
	 */
	static final int ATTEMPTS = 5;

	static final int MAX_MOVE_REASON = 1000;

	private final ContactRepository contacts;

	private final CustomerDirectory customers;

	private final Cases cases;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ContactPolicy policy;

	ContactIntake(ContactRepository contacts, CustomerDirectory customers, Cases cases,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock,
			@Value("${rootcase.intake.max-text-length:100000}") int maxTextLength,
			@Value("${rootcase.intake.future-tolerance:PT5M}") Duration futureTolerance) {
		this.contacts = contacts;
		this.customers = customers;
		this.cases = cases;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.policy = new ContactPolicy(maxTextLength, futureTolerance);
	}

	/**
	 * Receives one contact. The same (channel, external id) received again, also
	 * concurrently, returns the first receipt and stores nothing.
	 * @throws InvalidContactException listing every problem; nothing is stored
	 */
	public ContactReceipt receive(IncomingContact contact) {
		Set<Identity> identities = validate(List.of(contact)).get(0);
		return receiveValid(contact, identities, false);
	}

	/**
	 * Receives several contacts. All are validated first: if any is invalid none is
	 * stored and every problem is reported with the item's index.
	 */
	public List<ContactReceipt> receiveAll(List<IncomingContact> batch) {
		List<Set<Identity>> identities = validate(batch);
		List<ContactReceipt> receipts = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			receipts.add(receiveValid(batch.get(i), identities.get(i), false));
		}
		return receipts;
	}

	/**
	 * Checks every contact and parses its identities.
	 */
	List<Set<Identity>> validate(List<IncomingContact> batch) {
		List<ItemViolations> problems = new ArrayList<>();
		List<Set<Identity>> parsed = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			Checked checked = check(batch.get(i), List.of());
			if (!checked.violations().isEmpty()) {
				problems.add(new ItemViolations(batch.size() == 1 ? -1 : i, checked.violations()));
			}
			parsed.add(checked.identities());
		}
		if (!problems.isEmpty()) {
			throw new InvalidContactException(problems);
		}
		return parsed;
	}

	/**
	 * Every problem of one contact, and its identities parsed.
	 * @param known problems found earlier (e.g. unparseable CSV fields); the policy's
	 * findings for the same fields are left out so each field is reported once
	 */
	Checked check(IncomingContact contact, List<Violation> known) {
		List<Violation> violations = new ArrayList<>(known);
		Set<String> reported = new java.util.HashSet<>(known.stream().map(Violation::field).toList());
		this.policy.check(contact, this.clock.instant())
			.stream()
			.filter(v -> !reported.contains(v.field()))
			.forEach(violations::add);
		Set<Identity> identities = new java.util.LinkedHashSet<>();
		for (Map.Entry<IdentityKind, String> raw : contact.identities().entrySet()) {
			try {
				identities.add(this.customers.identity(raw.getKey(), raw.getValue()));
			}
			catch (InvalidIdentityException ex) {
				violations.add(new Violation(fieldOf(raw.getKey()), ex.getMessage()));
			}
		}
		return new Checked(violations, identities);
	}

	record Checked(List<Violation> violations, Set<Identity> identities) {
	}

	/** Whether this (channel, external id) was stored before. */
	boolean seenBefore(IncomingContact contact) {
		return contact.externalId() != null
				&& this.contacts.findByExternalId(contact.channel(), contact.externalId()).isPresent();
	}

	private ContactReceipt receiveValid(IncomingContact contact, Set<Identity> identities, boolean toSend) {
		ConcurrencyFailureException lastRace = null;
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			Optional<ContactReceipt> earlier = earlierReceipt(contact);
			if (earlier.isPresent()) {
				return earlier.get();
			}
			try {
				return this.transactions.execute(tx -> store(contact, identities, toSend));
			}
			catch (DuplicateKeyException | ConcurrencyFailureException ex) {
				lastRace = ex instanceof ConcurrencyFailureException cfe ? cfe
						: new ConcurrencyFailureException(ex.getMessage(), ex);
			}
		}
		throw lastRace;
	}

	private Optional<ContactReceipt> earlierReceipt(IncomingContact contact) {
		if (contact.externalId() == null) {
			return Optional.empty();
		}
		return this.contacts.findByExternalId(contact.channel(), contact.externalId())
			.map(c -> receipt(c, this.cases.find(c.caseId()).orElseThrow()).asDuplicate());
	}

	/** Stores one valid contact inside the caller's transaction. */
	ContactReceipt store(IncomingContact contact, Set<Identity> identities) {
		return store(contact, identities, false);
	}

	/**
	 * Stores one valid contact inside the caller's transaction; one Rootcase writes is
	 * handed to the gateways in the same transaction, so it is sent if and only if it is
	 * stored.
	 */
	private ContactReceipt store(IncomingContact contact, Set<Identity> identities, boolean toSend) {
		UUID customerId = this.customers.recognise(identities, contact.customerName());
		this.customers.lockForUpdate(customerId);
		CaseView target = this.cases.threadContact(new ContactOnCase(customerId, contact.channel(), contact.direction(),
				contact.occurredAt(), contact.text(), contact.caseReference(), contact.author()));
		Identity used = identityUsedOn(contact.channel(), identities);
		Contact stored = new Contact(Ids.next(), contact.channel(), contact.direction(), contact.occurredAt(),
				this.clock.instant(), customerId, target.id(), used.kind(), used.value(), contact.author(),
				contact.text(), contact.externalId());
		this.contacts.insert(stored);
		this.events.publishEvent(new ContactReceived(stored.id(), target.id(), customerId, stored.channel(),
				stored.direction(), stored.occurredAt(), stored.text()));
		if (toSend) {
			this.events.publishEvent(new ReplySent(stored.id(), target.id(), target.reference(), customerId,
					stored.channel(), used.kind(), used.value(),
					this.contacts.latestInboundExternalId(target.id(), stored.channel()).orElse(null),
					stored.occurredAt(), stored.author(), stored.text()));
		}
		return receipt(stored, target);
	}

	/**
	 * Sends a reply on a case: an outbound contact on the case's channel to its customer,
	 * which the gateways subscribed to {@link ReplySent} deliver.
	 * @throws InvalidContactException for an empty or too long text; nothing is stored
	 */
	public ContactReceipt reply(String caseReference, String text, String author) {
		CaseView target = this.cases.find(caseReference)
			.orElseThrow(() -> new io.rootcase.cases.CaseNotFoundException(caseReference));
		CustomerView customer = this.customers.find(target.customerId())
			.orElseThrow(() -> new CustomerNotFoundException(target.customerId()));
		Map<IdentityKind, String> identities = new java.util.EnumMap<>(IdentityKind.class);
		customer.identities().forEach(i -> identities.putIfAbsent(i.kind(), i.value()));
		IncomingContact reply = new IncomingContact(target.channel(), Direction.OUTBOUND, this.clock.instant(), text,
				identities, null, null, target.reference(), author);
		return receiveValid(reply, validate(List.of(reply)).get(0), true);
	}

	/**
	 * Moves a customer's contact to another of their cases, or to a new case of its own
	 * when {@code toCaseReference} is blank: the remedy when threading guessed the matter
	 * wrong. The contact's reason, meaning and trend counts follow it (listeners of
	 * {@link ContactMoved}); a case left without contacts closes.
	 * @throws NotFoundException when there is no such contact or case
	 * @throws ConflictException for a reply (it stays where it was written), another
	 * customer's case, a closed case, or the case the contact is on
	 */
	@Transactional
	public MoveReceipt move(UUID contactId, String toCaseReference, String why, String actor) {
		return move(contactId, toCaseReference, why, actor, this.clock.instant());
	}

	/** Moves a contact at a given time, for histories played back (the demo). */
	@Transactional
	public MoveReceipt move(UUID contactId, String toCaseReference, String why, String actor, Instant at) {
		String reason = moveReason(why);
		Contact found = this.contacts.find(contactId)
			.orElseThrow(() -> new NotFoundException("no contact " + contactId));
		if (found.direction() != Direction.INBOUND) {
			throw new ConflictException("a reply stays on the case it was written on; move the customer's contacts");
		}
		this.customers.lockForUpdate(found.customerId());
		// Read again under the lock: another agent may have just moved it.
		Contact contact = this.contacts.find(contactId).orElseThrow();
		WhatStays stays = new WhatStays(this.contacts.countOfCase(contact.caseId()) > 1,
				this.contacts.customerWordsOnCaseSince(contact));
		MovedContact moved = this.cases.moveContact(
				new ContactOnCase(contact.customerId(), contact.channel(), contact.direction(), contact.occurredAt(),
						contact.text(), null, null),
				contact.caseId(), Texts.blankToNull(toCaseReference), stays, reason, actor, at);
		CaseView target = moved.to();
		moveToCase(contact, target.id(), reason, actor, at);
		return new MoveReceipt(contactId, moved.from().id(), moved.from().reference(), target.id(), target.reference(),
				moved.caseOpened(), moved.fromCaseClosed());
	}

	/**
	 * Merges one case of a customer into another of theirs, now: every contact of the
	 * first, the customer's and the replies, moves to the second, and the first closes.
	 */
	@Transactional
	public MergeReceipt merge(String fromReference, String intoReference, String why, String actor) {
		return merge(fromReference, intoReference, why, actor, this.clock.instant());
	}

	/** Merges two cases at a given time, for histories played back (the demo). */
	@Transactional
	public MergeReceipt merge(String fromReference, String intoReference, String why, String actor, Instant at) {
		String reason = moveReason(why);
		if (Texts.blankToNull(intoReference) == null) {
			throw InvalidRequestException.of("into", "name the case to merge into (RC-<number>)");
		}
		CaseView named = this.cases.find(fromReference).orElseThrow(() -> new CaseNotFoundException(fromReference));
		this.customers.lockForUpdate(named.customerId());
		MergedCases merged = this.cases.merge(fromReference, intoReference.strip(), reason, actor, at);
		List<Contact> moving = this.contacts.ofCase(merged.from().id());
		moving.forEach(contact -> moveToCase(contact, merged.into().id(), reason, actor, at));
		return new MergeReceipt(merged.from().id(), merged.from().reference(), merged.into().id(),
				merged.into().reference(), moving.size(), merged.into().status());
	}

	private static String moveReason(String why) {
		String reason = Texts.blankToNull(why);
		if (reason != null && reason.length() > MAX_MOVE_REASON) {
			throw InvalidRequestException.of("reason", "a reason is at most " + MAX_MOVE_REASON + " characters");
		}
		return reason;
	}

	private void moveToCase(Contact contact, UUID toCaseId, String reason, String actor, Instant at) {
		this.contacts.moveToCase(
				new ContactMove(contact.id(), contact.customerId(), contact.caseId(), toCaseId, actor, at, reason),
				Ids.next());
		this.events.publishEvent(new ContactMoved(contact.id(), contact.caseId(), toCaseId, contact.customerId(),
				contact.channel(), contact.direction(), contact.occurredAt(), contact.text(), actor, at));
	}

	/** Where the customer's contacts were moved by agents, oldest first. */
	@Transactional(readOnly = true)
	public List<ContactMove> movesOfCustomer(UUID customerId) {
		return this.contacts.movesOfCustomer(customerId);
	}

	@Transactional(readOnly = true)
	public Optional<Contact> find(UUID id) {
		return this.contacts.find(id);
	}

	@Transactional(readOnly = true)
	public List<Contact> ofCustomer(UUID customerId) {
		return this.contacts.ofCustomer(customerId);
	}

	@Transactional(readOnly = true)
	public List<Contact> ofCase(UUID caseId) {
		return this.contacts.ofCase(caseId);
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.contacts.count();
	}

	@ApplicationModuleListener
	void on(CustomersMerged merged) {
		this.contacts.moveCustomer(merged.merged(), merged.survivor());
	}

	/** The identity that names the customer on this channel, else the strongest given. */
	static Identity identityUsedOn(Channel channel, Set<Identity> identities) {
		IdentityKind natural = switch (channel) {
			case EMAIL -> IdentityKind.EMAIL;
			case PHONE -> IdentityKind.PHONE;
			case SOCIAL -> IdentityKind.SOCIAL_HANDLE;
			case CHAT, WEB -> IdentityKind.EMAIL;
		};
		return identities.stream()
			.filter(i -> i.kind() == natural)
			.findFirst()
			.orElseGet(() -> identities.iterator().next());
	}

	static String fieldOf(IdentityKind kind) {
		return switch (kind) {
			case EMAIL -> "customer.email";
			case PHONE -> "customer.phone";
			case SOCIAL_HANDLE -> "customer.socialHandle";
			case ACCOUNT_NUMBER -> "customer.accountNumber";
		};
	}

	private static ContactReceipt receipt(Contact contact, CaseView target) {
		return new ContactReceipt(contact.id(), target.id(), target.reference(), contact.customerId(), false);
	}

}

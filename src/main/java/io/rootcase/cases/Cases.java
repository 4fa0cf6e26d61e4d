package io.rootcase.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.rootcase.customers.CustomersMerged;
import io.rootcase.shared.ConflictException;
import io.rootcase.shared.Direction;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.staff.AgentDeactivated;
import io.rootcase.staff.Staff;
import io.rootcase.shared.Texts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases module's API: threads contacts into cases and carries out what agents do on
 * them.
 */
@Service
public class Cases {

	private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

	private final CaseRepository repository;

	private final Staff staff;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ThreadingPolicy threading;

	private final ObjectProvider<MatterReader> matters;

	private final String defaultTeam;

	private final Duration recurrenceWindow;

	private final Recurrence recurrence;

	private final AnswerTargets answerTargets;

	Cases(CaseRepository repository, Staff staff, ApplicationEventPublisher events, Clock clock,
			ObjectProvider<MatterReader> matters, AnswerTargets answerTargets,
			@Value("${rootcase.cases.threading-window:P14D}") Duration threadingWindow,
			@Value("${rootcase.cases.default-team:support}") String defaultTeam,
			@Value("${rootcase.cases.recurrence-window:P30D}") Duration recurrenceWindow) {
		this.repository = repository;
		this.staff = staff;
		this.events = events;
		this.clock = clock;
		this.threading = new ThreadingPolicy(threadingWindow);
		this.matters = matters;
		this.defaultTeam = defaultTeam;
		this.recurrenceWindow = recurrenceWindow;
		this.recurrence = new Recurrence(recurrenceWindow);
		this.answerTargets = answerTargets;
	}

	private CaseView view(CaseSnapshot snapshot) {
		return CaseView.of(snapshot, this.answerTargets);
	}

	/**
	 * Finds the case a contact belongs to (the case it names, else the customer's active
	 * case on the same matter, else a new one) and records the contact's effect on it.
	 * Callers hold the customer's lock, so one customer's contacts thread one at a time.
	 * @throws CaseRuleViolation when the named case belongs to another customer
	 */
	@Transactional
	public CaseView threadContact(ContactOnCase contact) {
		SupportCase target = chooseCase(contact);
		if (contact.direction() == Direction.INBOUND) {
			target.customerContacted(contact.text(), contact.occurredAt());
		}
		else {
			target.repliedToCustomer(contact.author() == null ? "system" : contact.author(), contact.occurredAt());
		}
		if (target.snapshot().number() == null) {
			return insertOpened(target, contact);
		}
		this.repository.update(target);
		publish(target.drainEvents());
		return view(target.snapshot());
	}

	/**
	 * Stores a case a contact has just opened, linked to the customer's earlier case when
	 * the problem came back.
	 */
	private CaseView insertOpened(SupportCase target, ContactOnCase contact) {
		CaseSnapshot opened = target.snapshot();
		List<Recurrence.Earlier> ended = this.repository.endedSince(contact.customerId(),
				contact.occurredAt().minus(this.recurrenceWindow));
		this.recurrence
			.match(ended, opened.followsCaseId(), opened.diagnosis().contactReason(), null, contact.text(),
					contact.occurredAt())
			.ifPresent(link -> target.linkAsRecurrence(link.earlier(), link.signal(), contact.occurredAt()));
		SupportCase stored = this.repository.insert(target);
		this.recurrence
			.cureThatDidNotHold(ended, opened.followsCaseId(), opened.diagnosis().contactReason(), null, contact.text(),
					contact.occurredAt())
			.ifPresent(link -> this.repository.writeCureReturn(opened.id(), link.earlier(), link.signal(),
					contact.occurredAt()));
		publish(target.drainEvents());
		return view(stored.snapshot());
	}

	/**
	 * Moves a customer's contact out of the case threading put it on: to another active
	 * case of theirs, or to a new case of its own (when {@code toReference} is
	 * {@code null}). A case left without contacts closes; a case the contact had brought
	 * back to us goes back to where it was. Callers hold the customer's lock and move the
	 * contact itself.
	 * @param stays what stays on the case it leaves
	 * @throws CaseRuleViolation when the target belongs to another customer, is closed,
	 * or is the case the contact is on
	 */
	@Transactional
	public MovedContact moveContact(ContactOnCase contact, UUID fromCaseId, String toReference, WhatStays stays,
			String why, String actor, Instant at) {
		SupportCase from = this.repository.find(new CaseReference.ById(fromCaseId))
			.orElseThrow(() -> new CaseNotFoundException(fromCaseId.toString()));
		String fromReference = view(from.snapshot()).reference();
		Instant now = notFuture(at);
		CaseView target;
		boolean ownCase = toReference == null || toReference.isBlank();
		if (ownCase) {
			SupportCase opened = SupportCase.openForMovedContact(contact.customerId(), contact.channel(),
					contact.text(), this.defaultTeam, fromReference, why, actor, contact.occurredAt());
			opened.customerContacted(contact.text(), contact.occurredAt());
			target = insertOpened(opened, contact);
		}
		else {
			SupportCase to = this.repository.find(CaseReference.parse(toReference))
				.orElseThrow(() -> new CaseNotFoundException(toReference));
			if (!to.customerId().equals(contact.customerId())) {
				throw new CaseRuleViolation("case " + toReference + " belongs to another customer");
			}
			if (to.id().equals(fromCaseId)) {
				throw new CaseRuleViolation("the contact is already on " + toReference);
			}
			to.contactMovedIn(fromReference, why, actor, now);
			this.repository.update(to);
			publish(to.drainEvents());
			target = view(to.snapshot());
		}
		boolean closed = !stays.anyContact() && from.lastContactMovedOut(target.reference(), actor, now);
		boolean wentBack = !closed && !stays.customerWordsSince()
				&& from.customerWordsMovedOut(this.repository.lastTransitionOf(fromCaseId).orElse(null),
						contact.occurredAt(), target.reference(), actor, now);
		if (closed || wentBack) {
			this.repository.update(from);
			publish(from.drainEvents());
		}
		return new MovedContact(view(from.snapshot()), target, ownCase, closed);
	}

	/**
	 * Merges one case of a customer into another of theirs: the first closes, the second
	 * takes its conversation. Callers hold the customer's lock and move the contacts.
	 * @throws CaseRuleViolation when the cases belong to different customers, are the
	 * same case, the first is not new, open or waiting on the customer, or the second is
	 * closed
	 */
	@Transactional
	public MergedCases merge(String fromReference, String intoReference, String why, String actor, Instant at) {
		SupportCase from = load(fromReference);
		SupportCase into = load(intoReference);
		if (!into.customerId().equals(from.customerId())) {
			throw new CaseRuleViolation("case " + intoReference + " belongs to another customer");
		}
		if (into.id().equals(from.id())) {
			throw new CaseRuleViolation("a case cannot be merged into itself");
		}
		Instant now = notFuture(at);
		String fromRef = view(from.snapshot()).reference();
		String intoRef = view(into.snapshot()).reference();
		into.caseMergedIn(from, fromRef, why, actor, now);
		from.mergedInto(into.id(), intoRef, why, actor, now);
		this.repository.update(from);
		this.repository.update(into);
		UUID problem = from.snapshot().diagnosis().problemId();
		if (problem != null && into.snapshot().diagnosis().problemId() == null) {
			// The request goes on in the case merged into, so the problem that held it
			// holds that case too: else its contacts would leave the problem's impact,
			// and its customer the problem's "resolve all".
			this.repository.linkProblem(List.of(into.id()), problem);
		}
		publish(from.drainEvents());
		publish(into.drainEvents());
		return new MergedCases(view(from.snapshot()), find(into.id()).orElseThrow());
	}

	private ThreadingPolicy.Matter matterOf(ContactOnCase contact) {
		MatterReader reader = this.matters.getIfAvailable();
		if (reader == null || contact.direction() != Direction.INBOUND) {
			return ThreadingPolicy.Matter.UNREAD;
		}
		return new ThreadingPolicy.Matter(() -> reader.reasonOf(contact.text()), reader::sameMatter);
	}

	private SupportCase chooseCase(ContactOnCase contact) {
		if (contact.caseReference() != null && !contact.caseReference().isBlank()) {
			SupportCase named = this.repository.find(CaseReference.parse(contact.caseReference()))
				.orElseThrow(() -> new CaseNotFoundException(contact.caseReference()));
			if (!named.customerId().equals(contact.customerId())) {
				throw new CaseRuleViolation("case " + contact.caseReference() + " belongs to another customer");
			}
			if (named.status() != CaseStatus.CLOSED) {
				return named;
			}
			return SupportCase.open(contact.customerId(), contact.channel(), contact.text(), this.defaultTeam,
					named.id(), contact.occurredAt());
		}
		return this.threading
			.caseFor(this.repository.activeOfCustomer(contact.customerId()), contact.occurredAt(), matterOf(contact))
			.map(SupportCase::new)
			.orElseGet(() -> SupportCase.open(contact.customerId(), contact.channel(), contact.text(), this.defaultTeam,
					null, contact.occurredAt()));
	}

	@Transactional
	public CaseView recordAction(String caseReference, ActionKind kind, String description, int minutesSpent,
			String actor) {
		return recordAction(caseReference, kind, description, minutesSpent, actor, this.clock.instant());
	}

	/**
	 * Records an action done at a given time: for history imports and for agents logging
	 * work after the fact. Never in the future.
	 */
	@Transactional
	public CaseView recordAction(String caseReference, ActionKind kind, String description, int minutesSpent,
			String actor, Instant at) {
		return recordAction(caseReference, kind, description, minutesSpent, null, null, actor, at);
	}

	/**
	 * Records an action that names the root cause it addresses and the knowledge base's
	 * workaround or fix it applied (either may be {@code null}): a curative action for
	 * the confirmed cause is what makes a case cured.
	 */
	@Transactional
	public CaseView recordAction(String caseReference, ActionKind kind, String description, int minutesSpent,
			String causeKey, String remedy, String actor, Instant at) {
		return recordAction(caseReference, kind, description, minutesSpent, causeKey, remedy, null, actor, at);
	}

	/**
	 * Records an action; a palliative already tried for this problem (on this case or an
	 * earlier one it recurs) is refused unless the agent says why it is worth repeating,
	 * and the reason is kept with it.
	 */
	@Transactional
	public CaseView recordAction(String caseReference, ActionKind kind, String description, int minutesSpent,
			String causeKey, String remedy, String repeatReason, String actor, Instant at) {
		return change(caseReference, c -> {
			String text = description;
			if (kind == ActionKind.PALLIATIVE) {
				String what = Recurrence.sameAction(remedy != null && !remedy.isBlank() ? remedy : description);
				List<UUID> chain = chainOf(c.snapshot()).stream().map(CaseSnapshot::id).toList();
				long before = this.repository.actionsOf(chain)
					.stream()
					.filter(a -> a.kind() == ActionKind.PALLIATIVE
							&& Recurrence.sameAction(a.whatWasDone()).equals(what))
					.count();
				if (before > 0) {
					if (repeatReason == null || repeatReason.isBlank()) {
						throw new CaseRuleViolation("'" + what + "' was already tried " + before
								+ " time(s) for this problem; say why it is worth repeating");
					}
					text = Recurrence.repeated(description, repeatReason);
				}
			}
			c.recordAction(kind, text, minutesSpent, causeKey, remedy, actor, notFuture(at));
		});
	}

	/**
	 * Proposes a resolution with a note for the customer; the case awaits their
	 * confirmation.
	 */
	@Transactional
	public CaseView proposeResolution(String caseReference, String note, String actor, Instant at) {
		return change(caseReference, c -> c.proposeResolution(note, actor, notFuture(at)));
	}

	/**
	 * The customer confirms the proposed resolution; confirming twice changes nothing the
	 * second time.
	 */
	@Transactional
	public CaseView confirmResolution(String caseReference, Instant at) {
		SupportCase target = load(caseReference);
		if (target.confirmResolution(notFuture(at))) {
			this.repository.update(target);
			publish(target.drainEvents());
		}
		return view(target.snapshot());
	}

	/** The customer rejects the proposed resolution; the case reopens with the reason. */
	@Transactional
	public CaseView rejectResolution(String caseReference, String reason, Instant at) {
		return change(caseReference, c -> c.rejectResolution(reason, notFuture(at)));
	}

	/** Records that the customer was reminded to confirm. */
	@Transactional
	public CaseView confirmationReminderSent(String caseReference, Instant at) {
		return change(caseReference, c -> c.confirmationReminderSent(notFuture(at)));
	}

	/** Closes a case whose customer never answered the confirmation request. */
	@Transactional
	public CaseView closeUnconfirmed(String caseReference, Instant at) {
		return change(caseReference, c -> c.closeUnconfirmed(notFuture(at)));
	}

	/**
	 * Resolves without the customer's confirmation. Callers let only managers do this;
	 * the reason is recorded.
	 */
	@Transactional
	public CaseView resolveOnBehalf(String caseReference, String reason, String actor, Instant at) {
		return change(caseReference, c -> c.resolveOnBehalf(reason, actor, notFuture(at)));
	}

	/**
	 * Cases whose customer should be reminded to confirm: proposed at or before
	 * {@code proposedBefore} and not reminded yet.
	 */
	@Transactional(readOnly = true)
	public List<CaseView> awaitingReminder(Instant proposedBefore, int limit) {
		return this.repository.awaitingReminder(proposedBefore, limit).stream().map(this::view).toList();
	}

	/**
	 * Cases still unconfirmed although their customer was reminded before the instant.
	 */
	@Transactional(readOnly = true)
	public List<CaseView> awaitingClosure(Instant remindedBefore, int limit) {
		return this.repository.awaitingClosure(remindedBefore, limit).stream().map(this::view).toList();
	}

	/**
	 * Gives the case to a team, an agent, or both. An agent named without a team takes
	 * the case into their own team.
	 */
	@Transactional
	public CaseView handOver(String caseReference, String toTeam, String toAgent, String note, String actor) {
		return handOver(caseReference, toTeam, toAgent, note, actor, this.clock.instant());
	}

	@Transactional
	public CaseView handOver(String caseReference, String toTeam, String toAgent, String note, String actor,
			Instant at) {
		String team = Texts.blankToNull(toTeam);
		String agent = Texts.blankToNull(toAgent);
		if (team != null && this.staff.team(team).isEmpty()) {
			throw new CaseRuleViolation("no team " + Texts.quoted(team));
		}
		if (agent != null) {
			var found = this.staff.agent(agent)
				.orElseThrow(() -> new CaseRuleViolation("no agent " + Texts.quoted(agent)));
			if (!found.active()) {
				throw new CaseRuleViolation("agent '" + agent + "' is not active");
			}
			if (team == null) {
				team = found.team();
			}
		}
		String targetTeam = team;
		return change(caseReference, c -> c.handOver(targetTeam, agent, note, actor, notFuture(at)));
	}

	@Transactional
	public CaseView changeStatus(String caseReference, CaseStatus target, String reason, String actor) {
		return changeStatus(caseReference, target, reason, actor, this.clock.instant());
	}

	@Transactional
	public CaseView changeStatus(String caseReference, CaseStatus target, String reason, String actor, Instant at) {
		return change(caseReference, c -> c.changeStatus(target, reason, actor, notFuture(at)));
	}

	/**
	 * The reason the classifier gave one of the case's contacts becomes the case's,
	 * unless an agent has chosen one.
	 */
	@Transactional
	public CaseView reasonPredicted(UUID caseId, String reasonKey) {
		SupportCase target = this.repository.find(new CaseReference.ById(caseId))
			.orElseThrow(() -> new CaseNotFoundException(caseId.toString()));
		if (target.reasonPredicted(reasonKey, this.clock.instant())) {
			this.repository.writeReason(caseId, reasonKey, ReasonSource.PREDICTED);
			publish(target.drainEvents());
		}
		return view(target.snapshot());
	}

	/**
	 * The case's predicted reason goes: the contact it came from moved to another case
	 * and no contact left on it has a reason. A reason an agent set stays.
	 */
	@Transactional
	public CaseView reasonWithdrawn(UUID caseId) {
		SupportCase target = this.repository.find(new CaseReference.ById(caseId))
			.orElseThrow(() -> new CaseNotFoundException(caseId.toString()));
		if (target.predictedReasonWithdrawn(this.clock.instant())) {
			this.repository.withdrawPredictedReason(caseId);
			publish(target.drainEvents());
		}
		return view(target.snapshot());
	}

	/** An agent sets what the case is about. */
	@Transactional
	public CaseView chooseReason(String caseReference, String reasonKey, String agent) {
		CaseView chosen = change(caseReference, c -> c.reasonChosen(reasonKey, agent, this.clock.instant()));
		this.repository.writeReason(chosen.id(), reasonKey, ReasonSource.AGENT);
		return chosen;
	}

	/** Records a diagnosis's finding on the case: a known root cause, or unknown. */
	@Transactional
	public CaseView recordRootCause(String caseReference, RootCauseState state, String causeKey) {
		return recordRootCause(caseReference, state, causeKey, this.clock.instant());
	}

	/** Records a finding made at a given time, for history imports. */
	@Transactional
	public CaseView recordRootCause(String caseReference, RootCauseState state, String causeKey, Instant at) {
		return change(caseReference, c -> {
			c.rootCauseFound(state, causeKey, notFuture(at));
			if (causeKey != null) {
				// The same root cause as an earlier relieved case: the problem came back;
				// as an earlier cured one: the cure did not last.
				linkRecurrence(c, null, causeKey, at);
			}
		});
	}

	/**
	 * Links a case that has just been given its contact reason as a recurrence of the
	 * customer's earlier relieved or unexplained case with that reason, unless it is
	 * linked already. The reason arrives after intake, so intake could not use it.
	 */
	@Transactional
	public void linkRecurrenceByReason(UUID caseId) {
		SupportCase target = this.repository.find(new CaseReference.ById(caseId))
			.orElseThrow(() -> new CaseNotFoundException(caseId.toString()));
		CaseSnapshot s = target.snapshot();
		if (s.diagnosis().contactReason() == null) {
			return;
		}
		if (s.recurrence().of() != null) {
			linkCureReturn(s, ended(s), s.diagnosis().contactReason(), null, this.clock.instant());
			return;
		}
		linkRecurrence(target, s.diagnosis().contactReason(), null, this.clock.instant());
		RecurrenceState linked = target.snapshot().recurrence();
		if (linked.of() != null) {
			// Beside the case's version, as the reason itself: this runs in the
			// background
			// and must not make an agent's concurrent change fail.
			this.repository.writeRecurrence(caseId, linked.of(), linked.signal());
			publish(target.drainEvents());
		}
	}

	private void linkRecurrence(SupportCase c, String contactReason, String causeKey, Instant at) {
		CaseSnapshot s = c.snapshot();
		List<Recurrence.Earlier> ended = ended(s);
		this.recurrence.match(ended, null, contactReason, causeKey, null, s.openedAt())
			.ifPresent(link -> c.linkAsRecurrence(link.earlier(), link.signal(), at));
		linkCureReturn(s, ended, contactReason, causeKey, at);
	}

	/** Written beside the case's version, like a recurrence found in the background. */
	private void linkCureReturn(CaseSnapshot s, List<Recurrence.Earlier> ended, String contactReason, String causeKey,
			Instant at) {
		this.recurrence.cureThatDidNotHold(ended, null, contactReason, causeKey, null, s.openedAt())
			.ifPresent(link -> this.repository.writeCureReturn(s.id(), link.earlier(), link.signal(), at));
	}

	/**
	 * The customer's other cases that ended within the recurrence window before this one.
	 */
	private List<Recurrence.Earlier> ended(CaseSnapshot s) {
		return this.repository.endedSince(s.customerId(), s.openedAt().minus(this.recurrenceWindow))
			.stream()
			.filter(e -> !e.id().equals(s.id()))
			.toList();
	}

	/**
	 * Links the named cases to a problem, all or none: every reference must name a case,
	 * and none may be linked to another problem.
	 * @return how many were not linked to it before
	 */
	@Transactional
	public int linkToProblem(UUID problemId, List<String> references) {
		List<Long> numbers = new ArrayList<>();
		List<UUID> ids = new ArrayList<>();
		for (String reference : references) {
			switch (CaseReference.parse(reference)) {
				case CaseReference.ByNumber n -> numbers.add(n.number());
				case CaseReference.ById i -> ids.add(i.id());
			}
		}
		List<CaseRepository.ProblemLink> found = this.repository.problemLinks(numbers, ids);
		if (found.size() < new HashSet<>(numbers).size() + new HashSet<>(ids).size()) {
			Set<Long> foundNumbers = new HashSet<>();
			found.forEach(f -> foundNumbers.add(f.number()));
			List<String> missing = numbers.stream()
				.filter(n -> !foundNumbers.contains(n))
				.map(CaseReference::format)
				.toList();
			throw new CaseNotFoundException(missing.isEmpty() ? "one of the ids" : String.join(", ", missing));
		}
		List<String> elsewhere = found.stream()
			.filter(f -> f.problemId() != null && !f.problemId().equals(problemId))
			.map(f -> CaseReference.format(f.number()))
			.toList();
		if (!elsewhere.isEmpty()) {
			throw new ConflictException("already linked to another problem: " + String.join(", ", elsewhere)
					+ "; unlink them there first. Nothing was linked.");
		}
		return this.repository.linkProblem(found.stream()
			.filter(f -> f.problemId() == null)
			.map(CaseRepository.ProblemLink::id)
			.distinct()
			.toList(), problemId);
	}

	/**
	 * Links every case opened in the period with the root cause or the reason that is not
	 * linked to a problem yet.
	 * @return how many were linked
	 */
	@Transactional
	public int linkMatchingToProblem(UUID problemId, String rootCauseKey, String reason, Instant from, Instant to) {
		if (rootCauseKey == null && reason == null) {
			throw InvalidRequestException.of("rootCauseKey", "say which root cause or contact reason to match");
		}
		return this.repository.linkProblem(this.repository.matching(rootCauseKey, reason, from, to)
			.stream()
			.filter(f -> f.problemId() == null)
			.map(CaseRepository.ProblemLink::id)
			.toList(), problemId);
	}

	@Transactional
	public void unlinkFromProblem(UUID problemId, String reference) {
		SupportCase target = load(reference);
		if (this.repository.unlinkProblem(target.id(), problemId) == 0) {
			throw new ConflictException("case " + reference + " is not linked to this problem");
		}
	}

	@Transactional(readOnly = true)
	public List<CaseView> ofProblem(UUID problemId, int limit) {
		return ofProblem(problemId, limit, 0);
	}

	/** A page of the cases linked to a problem, the latest opened first. */
	@Transactional(readOnly = true)
	public List<CaseView> ofProblem(UUID problemId, int limit, long offset) {
		return this.repository.ofProblem(problemId, limit, offset).stream().map(this::view).toList();
	}

	@Transactional(readOnly = true)
	public long countOfProblem(UUID problemId) {
		return this.repository.countOfProblem(problemId);
	}

	/**
	 * Cases opened in the period on the problem: linked to it, or with its root cause or
	 * reason (and, when a segment attribute is given, of a customer with that value).
	 */
	@Transactional(readOnly = true)
	public long countOpenedMatching(Instant from, Instant to, UUID problemId, String rootCauseKey, String reason,
			String segmentAttribute, String segmentValue) {
		return this.repository.countOpenedMatching(from, to, problemId, rootCauseKey, reason, segmentAttribute,
				segmentValue);
	}

	/**
	 * The chain of cases a recurring problem has had, up to this one, as the agent's
	 * banner shows it; empty when the case is not a recurrence.
	 */
	@Transactional(readOnly = true)
	public Optional<RecurrenceView> recurrence(String caseReference) {
		List<CaseSnapshot> chain = chainOf(load(caseReference).snapshot());
		if (chain.size() < 2) {
			return Optional.empty();
		}
		List<UUID> ids = chain.stream().map(CaseSnapshot::id).toList();
		var actions = this.repository.actionsOf(ids);
		var handovers = this.repository.handoversOf(ids);
		Map<String, Integer> tried = new LinkedHashMap<>();
		actions.stream()
			.filter(a -> a.kind() == ActionKind.PALLIATIVE)
			.forEach(a -> tried.merge(Recurrence.sameAction(a.whatWasDone()), 1, Integer::sum));
		Set<String> people = new HashSet<>();
		actions.stream()
			.map(CaseHistory.Action::actor)
			.filter(actor -> !"system".equals(actor) && !SupportCase.CUSTOMER.equals(actor))
			.forEach(people::add);
		handovers.stream().map(CaseHistory.Handover::toAgent).filter(Objects::nonNull).forEach(people::add);
		chain.stream().map(CaseSnapshot::assignee).filter(Objects::nonNull).forEach(people::add);
		CaseSnapshot first = chain.get(0);
		CaseSnapshot last = chain.get(chain.size() - 1);
		return Optional.of(new RecurrenceView(chain.size(),
				Duration.between(first.openedAt(), last.openedAt()).toDays(),
				tried.entrySet().stream().map(e -> new RecurrenceView.Tried(e.getKey(), e.getValue())).toList(),
				people.size(), handovers.size() - (int) handovers.stream().filter(h -> h.fromAgent() == null).count(),
				chain.stream().anyMatch(c -> c.recurrence().customerSaysSo()), last.recurrence().signal(),
				chain.stream()
					.map(c -> new RecurrenceView.ChainCase(CaseReference.format(c.number()), c.openedAt(),
							c.resolution().kindWhenEnded(c.status(), c.diagnosis())))
					.toList()));
	}

	/**
	 * The customer's earlier case, cured within the recurrence window, that this case is
	 * the same matter as (by reference or words when it opened, by contact reason or root
	 * cause when those arrive): the cure did not hold, which a diagnosis takes as
	 * evidence against the cause found then. Empty when there is none.
	 */
	@Transactional(readOnly = true)
	public Optional<CureThatDidNotHold> cureThatDidNotHold(UUID caseId) {
		return this.repository.cureReturnOf(caseId)
			.flatMap(cured -> this.repository.find(new CaseReference.ById(cured)))
			.map(SupportCase::snapshot)
			.filter(cured -> cured.diagnosis().rootCauseKey() != null)
			.map(cured -> new CureThatDidNotHold(CaseReference.format(cured.number()), cured.diagnosis().rootCauseKey(),
					cured.lastActivityAt()));
	}

	/** The case and the earlier cases it recurs, first first; cycles cannot form. */
	private List<CaseSnapshot> chainOf(CaseSnapshot latest) {
		List<CaseSnapshot> chain = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		CaseSnapshot at = latest;
		while (at != null && seen.add(at.id())) {
			chain.add(0, at);
			UUID earlier = at.recurrence().of();
			at = earlier == null ? null
					: this.repository.find(new CaseReference.ById(earlier)).map(SupportCase::snapshot).orElse(null);
		}
		return chain;
	}

	private Instant notFuture(Instant at) {
		if (at == null || at.isAfter(this.clock.instant().plus(FUTURE_TOLERANCE))) {
			throw new IllegalArgumentException("a case change happens now or in the past, not at " + at);
		}
		return at;
	}

	private CaseView change(String caseReference, Consumer<SupportCase> change) {
		SupportCase target = load(caseReference);
		change.accept(target);
		this.repository.update(target);
		publish(target.drainEvents());
		return view(target.snapshot());
	}

	private SupportCase load(String caseReference) {
		return this.repository.find(CaseReference.parse(caseReference))
			.orElseThrow(() -> new CaseNotFoundException(caseReference));
	}

	@Transactional(readOnly = true)
	public Optional<CaseView> find(UUID id) {
		return this.repository.find(new CaseReference.ById(id)).map(c -> view(c.snapshot()));
	}

	/** The cases with these ids, by id; ids of no case are left out. */
	@Transactional(readOnly = true)
	public Map<UUID, CaseView> find(Collection<UUID> ids) {
		return this.repository.byIds(ids)
			.stream()
			.map(this::view)
			.collect(Collectors.toMap(CaseView::id, Function.identity()));
	}

	@Transactional(readOnly = true)
	public Optional<CaseView> find(String reference) {
		return this.repository.find(CaseReference.parse(reference)).map(c -> view(c.snapshot()));
	}

	@Transactional(readOnly = true)
	public CaseDetails details(String reference) {
		CaseView summary = find(reference).orElseThrow(() -> new CaseNotFoundException(reference));
		List<UUID> ids = List.of(summary.id());
		return new CaseDetails(summary, this.repository.transitionsOf(ids), this.repository.actionsOf(ids),
				this.repository.handoversOf(ids));
	}

	@Transactional(readOnly = true)
	public List<CaseView> queue(CaseQuery query) {
		return this.repository.queue(query).stream().map(this::view).toList();
	}

	/** How many cases match the query over all its pages. */
	@Transactional(readOnly = true)
	public long count(CaseQuery query) {
		return this.repository.count(query);
	}

	/** Every case of a customer, oldest first, without their histories. */
	@Transactional(readOnly = true)
	public List<CaseView> ofCustomer(UUID customerId) {
		return this.repository.ofCustomer(customerId).stream().map(this::view).toList();
	}

	/**
	 * Every case of a customer with its history, oldest first, for the customer's
	 * timeline.
	 */
	@Transactional(readOnly = true)
	public List<CaseDetails> historyOfCustomer(UUID customerId) {
		List<CaseView> cases = ofCustomer(customerId);
		List<UUID> ids = cases.stream().map(CaseView::id).toList();
		var transitions = this.repository.transitionsOf(ids);
		var actions = this.repository.actionsOf(ids);
		var handovers = this.repository.handoversOf(ids);
		return cases.stream()
			.map(c -> new CaseDetails(c, transitions.stream().filter(t -> t.caseId().equals(c.id())).toList(),
					actions.stream().filter(a -> a.caseId().equals(c.id())).toList(),
					handovers.stream().filter(h -> h.caseId().equals(c.id())).toList()))
			.toList();
	}

	/** The most recently busy cases whose root cause is in a state. */
	@Transactional(readOnly = true)
	public List<CaseView> recentlyBusyWithRootCause(RootCauseState state, int limit) {
		return this.repository.recentlyBusyWithRootCause(state, limit).stream().map(this::view).toList();
	}

	/** Every case whose root cause is in a state, least recently busy first. */
	@Transactional(readOnly = true)
	public List<UUID> idsWithRootCause(RootCauseState state) {
		return this.repository.idsWithRootCause(state);
	}

	/** The cases not closed whose root cause is this one, in this state. */
	@Transactional(readOnly = true)
	public List<UUID> notClosedWithRootCause(RootCauseState state, String causeKey) {
		return this.repository.notClosedIdsWithRootCause(state, causeKey);
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.repository.count();
	}

	/**
	 * The cases an agent who left was working go back to their teams' queues, so no
	 * customer waits on someone who is gone.
	 */
	@ApplicationModuleListener
	void on(AgentDeactivated left) {
		Instant now = this.clock.instant();
		for (UUID id : this.repository.activeAssignedTo(left.username())) {
			SupportCase held = this.repository.find(new CaseReference.ById(id)).orElseThrow();
			if (held.returnFromAgentWhoLeft(left.username(), left.by(), now)) {
				this.repository.update(held);
				publish(held.drainEvents());
			}
		}
	}

	@ApplicationModuleListener
	void on(CustomersMerged merged) {
		this.repository.moveCustomer(merged.merged(), merged.survivor());
	}

	private void publish(List<Object> recorded) {
		recorded.forEach(this.events::publishEvent);
	}

}

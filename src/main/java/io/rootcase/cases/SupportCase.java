package io.rootcase.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.rootcase.cases.CaseEvents.CaseActionRecorded;
import io.rootcase.cases.CaseEvents.CaseHandedOver;
import io.rootcase.cases.CaseEvents.CaseOpened;
import io.rootcase.cases.CaseEvents.CaseStatusChanged;
import io.rootcase.cases.CaseHistory.Action;
import io.rootcase.cases.CaseHistory.Handover;
import io.rootcase.cases.CaseHistory.Transition;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Ids;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.shared.Texts;

/**
 * One customer problem, from first contact to closure. The case guards its lifecycle:
 * only the transitions of {@link CaseStatus} happen, and everything that happens is kept
 * as history (transitions, actions, handovers) and announced as an event.
 */
final class SupportCase {

	static final int MAX_DESCRIPTION = 4000;

	static final int MAX_HANDOVER_NOTE = 1000;

	static final int MAX_MINUTES = 24 * 60;

	static final int MAX_SUBJECT = 200;

	static final int MAX_REMEDY = 300;

	static final String CUSTOMER = "customer";

	private final UUID id;

	private final Long number;

	private final UUID customerId;

	private final Channel channel;

	private final String subject;

	private final Instant openedAt;

	private final UUID followsCaseId;

	private final int version;

	private CaseStatus status;

	private String team;

	private String assignee;

	private Instant lastActivityAt;

	private Instant closedAt;

	private int handoverCount;

	private CaseDiagnosisState diagnosis;

	private ResolutionState resolution;

	private RecurrenceState recurrence;

	private UUID mergedIntoId;

	private Instant waitingSince;

	private final List<Object> recorded = new ArrayList<>();

	private final List<Object> events = new ArrayList<>();

	SupportCase(CaseSnapshot s) {
		this.id = s.id();
		this.number = s.number();
		this.customerId = s.customerId();
		this.channel = s.channel();
		this.subject = s.subject();
		this.status = s.status();
		this.team = s.team();
		this.assignee = s.assignee();
		this.openedAt = s.openedAt();
		this.lastActivityAt = s.lastActivityAt();
		this.closedAt = s.closedAt();
		this.followsCaseId = s.followsCaseId();
		this.handoverCount = s.handoverCount();
		this.version = s.version();
		this.diagnosis = s.diagnosis();
		this.resolution = s.resolution();
		this.recurrence = s.recurrence();
		this.mergedIntoId = s.mergedIntoId();
		this.waitingSince = s.waitingSince();
	}

	/**
	 * Opens a case for a customer's first contact about a matter.
	 * @param firstWords the contact's text, from which the subject is taken
	 * @param team the team new cases land with
	 * @param followsCaseId the closed case the customer referred to, if any
	 */
	static SupportCase open(UUID customerId, Channel channel, String firstWords, String team, UUID followsCaseId,
			Instant at) {
		return open(customerId, channel, firstWords, team, followsCaseId, CUSTOMER,
				followsCaseId == null ? "first contact" : "customer referred to a closed case", at);
	}

	/**
	 * Opens a case for a contact an agent moved out of a case it did not belong to: the
	 * case dates from the contact, and its history says who moved it and why.
	 */
	static SupportCase openForMovedContact(UUID customerId, Channel channel, String text, String team,
			String fromReference, String why, String actor, Instant at) {
		return open(customerId, channel, text, team, null, actor,
				movedWhy("contact moved here from " + fromReference, why), at);
	}

	private static SupportCase open(UUID customerId, Channel channel, String firstWords, String team,
			UUID followsCaseId, String actor, String reason, Instant at) {
		SupportCase opened = new SupportCase(new CaseSnapshot(Ids.next(), null, customerId, channel,
				subjectFrom(firstWords), CaseStatus.NEW, team, null, at, at, null, followsCaseId, 0, 0,
				CaseDiagnosisState.UNDIAGNOSED, ResolutionState.NONE,
				Recurrence.customerSaysItRecurs(firstWords) ? RecurrenceState.NONE.saidSo() : RecurrenceState.NONE,
				null, at));
		opened.recorded.add(new Transition(Ids.next(), opened.id, null, CaseStatus.NEW, actor, reason, at, null));
		opened.events.add(new CaseOpened(opened.id, customerId, channel, at));
		return opened;
	}

	/**
	 * An agent moved a customer's contact here from another case: a case waiting on the
	 * customer now has their answer.
	 */
	void contactMovedIn(String fromReference, String why, String actor, Instant at) {
		guardNotClosed("take a contact");
		if (this.status == CaseStatus.WAITING_ON_CUSTOMER) {
			moveTo(CaseStatus.OPEN, actor, movedWhy("customer's contact moved here from " + fromReference, why), at);
		}
	}

	/**
	 * An agent moved this case's last contact to another case: nothing is left to answer
	 * here, so an active case closes.
	 * @return whether it closed
	 */
	boolean lastContactMovedOut(String toReference, String actor, Instant at) {
		if (!this.status.isActive()) {
			return false;
		}
		changeStatus(CaseStatus.CLOSED, "its only contact moved to " + toReference, actor, at);
		return true;
	}

	/**
	 * An agent moved the customer's latest words on this case to another case. When they
	 * are what brought the case back to us (an answer while we waited on the customer, or
	 * a message that reopened a proposed resolution) and its status has not changed
	 * since, the case goes back to where it was: waiting on the customer, or awaiting
	 * their confirmation of the resolution proposed before, its reminder and closing
	 * dates as they were. The change back names the change it undoes, so the history
	 * keeps both and the reopening is not counted.
	 * @param last the case's latest status change, as recorded (not by when its cause
	 * happened: a message may come after a change though written before it)
	 * @param wordsAt when the moved words came
	 * @return whether the case went back
	 */
	boolean customerWordsMovedOut(Transition last, Instant wordsAt, String toReference, String actor, Instant at) {
		// A change back never leads to open, so an undone reopening is not undone twice.
		boolean broughtBackByThem = this.status == CaseStatus.OPEN && last != null && last.to() == CaseStatus.OPEN
				&& CUSTOMER.equals(last.actor()) && last.occurredAt().equals(wordsAt)
				&& (last.from() == CaseStatus.WAITING_ON_CUSTOMER || last.from() == CaseStatus.AWAITING_CONFIRMATION);
		if (!broughtBackByThem) {
			return false;
		}
		moveTo(last.from(), actor, "the customer's message that brought the case back was moved to " + toReference, at,
				last.id());
		if (last.from() == CaseStatus.AWAITING_CONFIRMATION) {
			this.resolution = this.resolution.reopeningUndone();
		}
		touch(at);
		return true;
	}

	/**
	 * An agent merges another case of the same customer into this one: its conversation
	 * continues here, so a case waiting on the customer has their words to answer, the
	 * other case's latest activity counts as this one's (threading goes by it), and so
	 * does the root cause found on it when this case has none.
	 */
	void caseMergedIn(SupportCase merged, String mergedReference, String why, String actor, Instant at) {
		guardNotClosed("take another case");
		if (this.status == CaseStatus.WAITING_ON_CUSTOMER) {
			moveTo(CaseStatus.OPEN, actor, movedWhy("customer's contacts moved here with " + mergedReference, why), at);
		}
		// The customer stays with whoever knew the matter when nobody holds this case;
		// not a handover that counts, as nobody is taken off it.
		if (this.assignee == null && merged.assignee != null) {
			handOver(merged.team, merged.assignee, "took the customer's matter with " + mergedReference, actor, at);
		}
		// The agent says the two are one matter, so a cause found (or suspected) on the
		// merged case is this one's while it has no finding of its own; a finding of its
		// own, unknown included, stays, as its diagnosis stands behind it.
		RootCauseState found = merged.diagnosis.rootCauseState();
		if (this.diagnosis.rootCauseState() == RootCauseState.UNDIAGNOSED
				&& (found == RootCauseState.KNOWN || found == RootCauseState.SUSPECTED)) {
			takeRootCause(found, merged.diagnosis.rootCauseKey(), at);
		}
		touch(merged.lastActivityAt());
	}

	/**
	 * An agent merges this case into another of the same customer's: its contacts go
	 * there and it closes. What was done on it (actions, diagnosis, links) stays on it.
	 * @see CaseStatus#canBeMerged()
	 */
	void mergedInto(UUID intoId, String intoReference, String why, String actor, Instant at) {
		if (!this.status.canBeMerged()) {
			throw new CaseRuleViolation("only a case that is new, open or waiting on the customer can be merged; "
					+ "this one is " + label(this.status));
		}
		changeStatus(CaseStatus.CLOSED, movedWhy("merged into " + intoReference, why), actor, at);
		this.mergedIntoId = intoId;
	}

	private static String movedWhy(String what, String why) {
		return why == null || why.isBlank() ? what : what + ": " + why.strip();
	}

	static String subjectFrom(String text) {
		String firstLine = text == null ? "" : text.strip().lines().findFirst().orElse("").strip();
		if (firstLine.isEmpty()) {
			return "(no text)";
		}
		return firstLine.length() <= MAX_SUBJECT ? firstLine : firstLine.substring(0, MAX_SUBJECT - 1) + "…";
	}

	/**
	 * The customer wrote or called about this case: a case waiting on them or resolved
	 * comes back to us. A reply to a proposed resolution confirms it when it says so ("it
	 * works now"); a plain thanks keeps the case waiting (and they are asked to confirm);
	 * anything else reopens it.
	 */
	void customerContacted(String text, Instant at) {
		guardNotClosed("take a new contact");
		touch(at);
		if (Recurrence.customerSaysItRecurs(text)) {
			this.recurrence = this.recurrence.saidSo();
		}
		switch (this.status) {
			case WAITING_ON_CUSTOMER -> moveTo(CaseStatus.OPEN, CUSTOMER, "customer replied", at);
			case AWAITING_CONFIRMATION -> {
				switch (CustomerReply.classify(text)) {
					case CONFIRMS -> confirmResolution(at);
					case THANKS -> this.events.add(new CaseEvents.CustomerThankedWithoutConfirming(this.id, at));
					case OTHER -> reopen("customer replied without confirming the resolution", at);
				}
			}
			case RESOLVED -> reopen("customer contacted again after resolution", at);
			default -> {
			}
		}
	}

	/** We wrote to the customer; an active case now waits for their answer. */
	void repliedToCustomer(String actor, Instant at) {
		touch(at);
		if (this.status == CaseStatus.NEW || this.status == CaseStatus.OPEN) {
			moveTo(CaseStatus.WAITING_ON_CUSTOMER, actor, "reply sent to customer", at);
		}
	}

	/**
	 * @param causeKey the root cause the action addresses, or {@code null}
	 * @param remedy the knowledge base's workaround or fix applied, or {@code null}
	 */
	void recordAction(ActionKind kind, String description, int minutesSpent, String causeKey, String remedy,
			String actor, Instant at) {
		guardNotClosed("record an action");
		if (kind == null) {
			throw InvalidRequestException.of("kind", "an action has a kind: diagnostic, palliative or curative");
		}
		String text = description == null ? "" : description.strip();
		if (text.isEmpty()) {
			throw InvalidRequestException.of("description", "an action needs a description of what was done");
		}
		InvalidRequestException.requireAtMost("description", text, MAX_DESCRIPTION, "an action description");
		if (minutesSpent < 0 || minutesSpent > MAX_MINUTES) {
			throw InvalidRequestException.of("minutesSpent", "minutes spent must be between 0 and " + MAX_MINUTES);
		}
		String cause = Texts.blankToNull(causeKey);
		String applied = InvalidRequestException.requireAtMost("remedy", Texts.blankToNull(remedy), MAX_REMEDY,
				"a remedy");
		touch(at);
		if (this.status == CaseStatus.NEW) {
			moveTo(CaseStatus.OPEN, actor, "work started", at);
		}
		this.recorded.add(new Action(Ids.next(), this.id, kind, text, minutesSpent, actor, at, cause, applied));
		this.events.add(new CaseActionRecorded(this.id, kind, minutesSpent, actor, at, cause, applied));
		this.resolution = this.resolution.afterAction(kind, cause);
	}

	/**
	 * Gives the case to another team or agent. A change away from an agent who already
	 * held the case counts as a handover: the customer will explain again to someone new.
	 * Picking up an unassigned case is an assignment, recorded but not counted.
	 */
	void handOver(String toTeam, String toAgent, String note, String actor, Instant at) {
		guardNotClosed("be handed over");
		if (toTeam == null && toAgent == null) {
			throw InvalidRequestException.of("team", "a handover names a team, an agent, or both");
		}
		String said = InvalidRequestException.requireAtMost("note", Texts.blankToNull(note), MAX_HANDOVER_NOTE,
				"a handover note");
		String newTeam = toTeam != null ? toTeam : this.team;
		if (Objects.equals(newTeam, this.team) && Objects.equals(toAgent, this.assignee)) {
			throw new CaseRuleViolation("the case is already with " + describeOwner(newTeam, toAgent));
		}
		changeHands(newTeam, toAgent, said, actor, at);
	}

	/**
	 * The agent who held the case left: it goes back to its team's queue (or to nobody's,
	 * if it has no team), with the handover recorded. A case someone else holds by now,
	 * or one that is resolved or closed, is left alone.
	 * @return whether it was theirs
	 */
	boolean returnFromAgentWhoLeft(String leaver, String actor, Instant at) {
		if (!this.status.isActive() || !leaver.equals(this.assignee)) {
			return false;
		}
		changeHands(this.team, null, leaver + " left (deactivated); back to the team's queue", actor, at);
		return true;
	}

	private void changeHands(String newTeam, String toAgent, String said, String actor, Instant at) {
		boolean counted = this.assignee != null && !this.assignee.equals(toAgent);
		this.recorded
			.add(new Handover(Ids.next(), this.id, this.team, this.assignee, newTeam, toAgent, said, actor, at));
		this.events.add(new CaseHandedOver(this.id, this.team, this.assignee, newTeam, toAgent, counted, actor, at));
		if (counted) {
			this.handoverCount++;
		}
		this.team = newTeam;
		this.assignee = toAgent;
		touch(at);
	}

	/**
	 * Sets a status by hand. Resolving is not a status change: only the customer confirms
	 * a resolution, or a manager resolves on their behalf with a reason. Reopening a case
	 * awaiting confirmation or resolved counts as a reopen; closing one awaiting
	 * confirmation is an unconfirmed closure.
	 */
	void changeStatus(CaseStatus target, String reason, String actor, Instant at) {
		if (target == CaseStatus.RESOLVED) {
			throw new CaseRuleViolation("only the customer confirms a resolution: propose one, "
					+ "or (managers) resolve on the customer's behalf with a reason");
		}
		if (target == CaseStatus.AWAITING_CONFIRMATION) {
			throw new CaseRuleViolation("propose a resolution to ask the customer to confirm it");
		}
		if (target == CaseStatus.CLOSED && (reason == null || reason.isBlank())) {
			throw InvalidRequestException.of("reason", "closing a case needs a reason");
		}
		InvalidRequestException.requireAtMost("reason", reason, MAX_DESCRIPTION, "a reason");
		CaseStatus before = this.status;
		moveTo(target, actor, reason, at);
		if (target == CaseStatus.OPEN
				&& (before == CaseStatus.AWAITING_CONFIRMATION || before == CaseStatus.RESOLVED)) {
			this.resolution = this.resolution.reopened();
		}
		if (target == CaseStatus.CLOSED && before == CaseStatus.AWAITING_CONFIRMATION) {
			this.resolution = this.resolution.ended(ResolutionOutcome.CLOSED_UNCONFIRMED);
			this.events.add(new CaseEvents.ResolutionClosedUnconfirmed(this.id, resolutionKind(), at));
		}
		touch(at);
	}

	/**
	 * Proposes a resolution with a note the customer will read: the case waits for the
	 * customer to confirm or reject it.
	 */
	void proposeResolution(String note, String actor, Instant at) {
		guardNotClosed("have a resolution proposed");
		if (!this.status.isActive() || this.status == CaseStatus.AWAITING_CONFIRMATION) {
			throw new CaseRuleViolation("a case that is " + label(this.status) + " cannot have a resolution proposed");
		}
		String text = note == null ? "" : note.strip();
		if (text.isEmpty()) {
			throw InvalidRequestException.of("note", "a proposed resolution tells the customer what was done");
		}
		InvalidRequestException.requireAtMost("note", text, MAX_DESCRIPTION, "a resolution note");
		moveTo(CaseStatus.AWAITING_CONFIRMATION, actor, "resolution proposed: " + text, at);
		this.resolution = this.resolution.proposed(at);
		this.events.add(new CaseEvents.ResolutionProposed(this.id, text, actor, at));
		touch(at);
	}

	/**
	 * The customer confirms the problem is solved.
	 * @return {@code false} when they had confirmed already (a double submission counts
	 * once)
	 */
	boolean confirmResolution(Instant at) {
		if (this.status == CaseStatus.RESOLVED
				&& this.resolution.outcome() == ResolutionOutcome.CONFIRMED_BY_CUSTOMER) {
			return false;
		}
		guardAwaitingConfirmation();
		moveTo(CaseStatus.RESOLVED, CUSTOMER, "customer confirmed the problem is solved", at);
		this.resolution = this.resolution.ended(ResolutionOutcome.CONFIRMED_BY_CUSTOMER);
		this.events.add(new CaseEvents.ResolutionConfirmed(this.id, resolutionKind(), at));
		touch(at);
		return true;
	}

	/**
	 * The customer says the problem is not solved: the case reopens with their reason.
	 */
	void rejectResolution(String reason, Instant at) {
		guardAwaitingConfirmation();
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw InvalidRequestException.of("reason", "tell us what is still wrong");
		}
		InvalidRequestException.requireAtMost("reason", why, MAX_DESCRIPTION, "a reason");
		reopen("customer rejected the resolution: " + why, at);
		this.events.add(new CaseEvents.ResolutionRejected(this.id, why, at));
		touch(at);
	}

	/** The customer was reminded to confirm; only the first reminder is recorded. */
	void confirmationReminderSent(Instant at) {
		guardAwaitingConfirmation();
		if (this.resolution.reminderSentAt() != null) {
			throw new CaseRuleViolation("the customer was reminded already");
		}
		this.resolution = this.resolution.reminded(at);
	}

	/** No answer after the reminder: the case closes, unconfirmed. */
	void closeUnconfirmed(Instant at) {
		guardAwaitingConfirmation();
		moveTo(CaseStatus.CLOSED, "system", "no answer from the customer to the confirmation request", at);
		this.resolution = this.resolution.ended(ResolutionOutcome.CLOSED_UNCONFIRMED);
		this.events.add(new CaseEvents.ResolutionClosedUnconfirmed(this.id, resolutionKind(), at));
	}

	/**
	 * A manager resolves the case without the customer's confirmation; the reason is
	 * recorded and the ending is counted apart from confirmed ones.
	 */
	void resolveOnBehalf(String reason, String actor, Instant at) {
		guardNotClosed("be resolved");
		if (this.status == CaseStatus.RESOLVED) {
			throw new CaseRuleViolation("the case is resolved already");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw InvalidRequestException.of("reason", "resolving on the customer's behalf needs a reason");
		}
		InvalidRequestException.requireAtMost("reason", why, MAX_DESCRIPTION, "a reason");
		moveTo(CaseStatus.RESOLVED, actor, "resolved on the customer's behalf: " + why, at);
		this.resolution = this.resolution.ended(ResolutionOutcome.RESOLVED_ON_BEHALF);
		this.events.add(new CaseEvents.ResolvedOnBehalf(this.id, resolutionKind(), why, actor, at));
		touch(at);
	}

	/**
	 * Links the case to the earlier one whose problem it is: the first link found stays.
	 */
	void linkAsRecurrence(UUID earlier, RecurrenceSignal signal, Instant at) {
		if (earlier.equals(this.id)) {
			throw new CaseRuleViolation("a case cannot recur itself");
		}
		if (this.recurrence.of() != null) {
			return;
		}
		this.recurrence = this.recurrence.linked(earlier, signal);
		this.events.add(new CaseEvents.CaseLinkedAsRecurrence(this.id, earlier, signal, at));
	}

	/**
	 * The resolution kind once the case has ended (or awaits confirmation), else null.
	 */
	ResolutionKind resolutionKind() {
		return this.resolution.kindWhenEnded(this.status, this.diagnosis);
	}

	private void reopen(String why, Instant at) {
		moveTo(CaseStatus.OPEN, CUSTOMER, why, at);
		this.resolution = this.resolution.reopened();
	}

	private void guardAwaitingConfirmation() {
		if (this.status != CaseStatus.AWAITING_CONFIRMATION) {
			throw new CaseRuleViolation(
					"the case is not awaiting the customer's confirmation (it is " + label(this.status) + ")");
		}
	}

	/**
	 * Records what the diagnosis found: a known (or suspected) root cause, or that the
	 * cause is unknown. A closed case keeps the finding it was closed with.
	 */
	void rootCauseFound(RootCauseState state, String causeKey, Instant at) {
		guardNotClosed("be diagnosed");
		if (state == RootCauseState.UNDIAGNOSED) {
			throw InvalidRequestException.of("rootCauseState",
					"a diagnosis finds a cause, suspects one, or finds it unknown");
		}
		if ((state == RootCauseState.UNKNOWN) != (causeKey == null)) {
			throw InvalidRequestException.of("rootCauseKey", state == RootCauseState.UNKNOWN
					? "an unknown cause has no key" : "a known or suspected cause needs its key");
		}
		takeRootCause(state, causeKey, at);
		touch(at);
	}

	private void takeRootCause(RootCauseState state, String causeKey, Instant at) {
		this.diagnosis = this.diagnosis.withRootCause(state, causeKey);
		this.events.add(new CaseEvents.CaseRootCauseFound(this.id, state, causeKey, at));
	}

	/**
	 * Takes the reason the classifier predicted for one of the case's contacts, unless an
	 * agent has chosen the case's reason: a person's choice is not overridden by a model.
	 * @return whether the case's reason changed
	 */
	boolean reasonPredicted(String reasonKey, Instant at) {
		if (this.diagnosis.reasonSource() == ReasonSource.AGENT || reasonKey.equals(this.diagnosis.contactReason())) {
			return false;
		}
		this.diagnosis = this.diagnosis.withReason(reasonKey, ReasonSource.PREDICTED);
		this.events.add(new CaseEvents.CaseReasonPredicted(this.id, reasonKey, at));
		return true;
	}

	/**
	 * The predicted reason goes when the contact it came from has left the case; a reason
	 * an agent set stays.
	 * @return whether the case lost its reason
	 */
	boolean predictedReasonWithdrawn(Instant at) {
		if (this.diagnosis.reasonSource() != ReasonSource.PREDICTED) {
			return false;
		}
		this.diagnosis = this.diagnosis.withReason(null, null);
		this.events.add(new CaseEvents.CaseReasonWithdrawn(this.id, at));
		return true;
	}

	/** An agent sets what the case is about; later predictions leave it alone. */
	void reasonChosen(String reasonKey, String agent, Instant at) {
		if (reasonKey == null || reasonKey.isBlank()) {
			throw InvalidRequestException.of("reasonKey", "choose a contact reason");
		}
		this.diagnosis = this.diagnosis.withReason(reasonKey, ReasonSource.AGENT);
		touch(at);
		this.events.add(new CaseEvents.CaseReasonChosen(this.id, reasonKey, agent, at));
	}

	private void moveTo(CaseStatus target, String actor, String reason, Instant at) {
		moveTo(target, actor, reason, at, null);
	}

	private void moveTo(CaseStatus target, String actor, String reason, Instant at, UUID undoes) {
		if (!this.status.canMoveTo(target)) {
			throw new CaseRuleViolation("a case that is " + label(this.status) + " cannot become " + label(target));
		}
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		this.recorded.add(new Transition(Ids.next(), this.id, this.status, target, actor, why, at, undoes));
		this.events.add(new CaseStatusChanged(this.id, this.status, target, actor, why, at));
		this.status = target;
		this.closedAt = target == CaseStatus.CLOSED ? at : null;
		// The customer waits for us from the moment it is our turn until we answer, ask
		// them or end the case; new to open is still the same wait.
		if (target != CaseStatus.NEW && target != CaseStatus.OPEN) {
			this.waitingSince = null;
		}
		else if (this.waitingSince == null) {
			this.waitingSince = at;
		}
	}

	private void touch(Instant at) {
		if (this.lastActivityAt == null || at.isAfter(this.lastActivityAt)) {
			this.lastActivityAt = at;
		}
	}

	private void guardNotClosed(String what) {
		if (this.status == CaseStatus.CLOSED) {
			throw new CaseRuleViolation("a closed case cannot " + what);
		}
	}

	private static String describeOwner(String team, String agent) {
		return agent == null ? "team " + team : agent + (team == null ? "" : " (" + team + ")");
	}

	static String label(CaseStatus status) {
		return Texts.words(status);
	}

	/** History and events recorded since the case was loaded, handed out once. */
	List<Object> drainRecorded() {
		List<Object> drained = List.copyOf(this.recorded);
		this.recorded.clear();
		return drained;
	}

	List<Object> drainEvents() {
		List<Object> drained = List.copyOf(this.events);
		this.events.clear();
		return drained;
	}

	CaseSnapshot snapshot() {
		return new CaseSnapshot(this.id, this.number, this.customerId, this.channel, this.subject, this.status,
				this.team, this.assignee, this.openedAt, this.lastActivityAt, this.closedAt, this.followsCaseId,
				this.handoverCount, this.version, this.diagnosis, this.resolution, this.recurrence, this.mergedIntoId,
				this.waitingSince);
	}

	UUID id() {
		return this.id;
	}

	CaseStatus status() {
		return this.status;
	}

	UUID customerId() {
		return this.customerId;
	}

	int handoverCount() {
		return this.handoverCount;
	}

	String team() {
		return this.team;
	}

	String assignee() {
		return this.assignee;
	}

	Instant lastActivityAt() {
		return this.lastActivityAt;
	}

}

package io.rootcase.followups;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.rootcase.cases.CaseEvents.CaseRootCauseFound;
import io.rootcase.cases.CaseEvents.ResolutionClosedUnconfirmed;
import io.rootcase.cases.CaseEvents.ResolutionConfirmed;
import io.rootcase.cases.CaseEvents.ResolvedOnBehalf;
import io.rootcase.cases.CaseNotFoundException;
import io.rootcase.cases.CaseStatus;
import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.cases.ResolutionKind;
import io.rootcase.cases.RootCauseState;
import io.rootcase.intake.ContactIntake;
import io.rootcase.shared.ConflictException;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.shared.NotFoundException;
import io.rootcase.staff.Staff;
import io.rootcase.shared.Texts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-ups on cases: scheduled when a case ends relieved (did it hold?) or cured (check
 * in once), periodically while its root cause is unknown, and by hand; listed by due date
 * with the overdue ones first; completed with what was found.
 */
@Service
public class FollowUps {

	private final FollowUpRepository repository;

	private final Cases cases;

	private final ContactIntake intake;

	private final Staff staff;

	private final Clock clock;

	private final Duration holdCheck;

	private final Duration cureCheck;

	private final Duration unknownCauseEvery;

	FollowUps(FollowUpRepository repository, Cases cases, ContactIntake intake, Staff staff, Clock clock,
			@Value("${rootcase.follow-ups.after-relief:P14D}") Duration holdCheck,
			@Value("${rootcase.follow-ups.after-cure:P30D}") Duration cureCheck,
			@Value("${rootcase.follow-ups.unknown-cause-every:P7D}") Duration unknownCauseEvery) {
		this.repository = repository;
		this.cases = cases;
		this.intake = intake;
		this.staff = staff;
		this.clock = clock;
		this.holdCheck = holdCheck;
		this.cureCheck = cureCheck;
		this.unknownCauseEvery = unknownCauseEvery;
	}

	/** A follow-up an agent sets by hand; the owner is an agent or a team. */
	@Transactional
	public FollowUpView schedule(String caseReference, Instant dueAt, String owner, String note, String actor) {
		CaseView target = caseOf(caseReference);
		String who = owner == null ? null : owner.strip();
		if (who != null && this.staff.agent(who).isEmpty() && this.staff.team(who).isEmpty()) {
			throw InvalidRequestException.of("owner", "no agent or team " + Texts.quoted(who));
		}
		FollowUp followUp = FollowUp.schedule(target.id(), FollowUpKind.MANUAL, dueAt, who, note, actor,
				this.clock.instant());
		this.repository.insert(followUp);
		return view(followUp, target);
	}

	/**
	 * Completes a follow-up with what was found. With {@code tellCustomer} the outcome is
	 * also sent to the customer on the case's channel, which needs the case not to be
	 * closed (a closed case takes no more messages; a new contact opens a new case).
	 */
	@Transactional
	public FollowUpView complete(UUID id, String outcome, boolean tellCustomer, String actor) {
		return complete(id, outcome, tellCustomer, actor, this.clock.instant());
	}

	/** Completes a follow-up at a given time, as when history is brought in. */
	@Transactional
	public FollowUpView complete(UUID id, String outcome, boolean tellCustomer, String actor, Instant at) {
		FollowUp followUp = this.repository.find(id).orElseThrow(() -> new NotFoundException("no follow-up " + id));
		CaseView target = this.cases.find(followUp.caseId()).orElseThrow();
		followUp.complete(outcome, actor, at);
		if (tellCustomer) {
			if (target.status() == CaseStatus.CLOSED) {
				throw new ConflictException("case " + target.reference()
						+ " is closed: record what you found without messaging, or write to the customer anew");
			}
			this.intake.reply(target.reference(), followUp.outcome(), actor);
		}
		this.repository.complete(followUp);
		return view(followUp, target);
	}

	/**
	 * Open follow-ups due before a time (any time when {@code null}), soonest due first;
	 * of one owner, or everyone's.
	 */
	@Transactional(readOnly = true)
	public List<FollowUpView> open(String owner, Instant dueBefore, int limit) {
		return open(owner, dueBefore, limit, 0);
	}

	/**
	 * One page of the open follow-ups, in the same order: the rows after the first
	 * skipped.
	 */
	@Transactional(readOnly = true)
	public List<FollowUpView> open(String owner, Instant dueBefore, int limit, long skipped) {
		List<FollowUp> page = this.repository.open(Texts.blankToNull(owner), dueBefore, limit, skipped);
		Map<UUID, CaseView> of = this.cases.find(page.stream().map(FollowUp::caseId).collect(Collectors.toSet()));
		return page.stream().map(f -> view(f, of.get(f.caseId()))).toList();
	}

	/** How many open follow-ups are due before a time (any time when {@code null}). */
	@Transactional(readOnly = true)
	public long countOpen(String owner, Instant dueBefore) {
		return this.repository.countOpen(Texts.blankToNull(owner), dueBefore);
	}

	/**
	 * Every follow-up of some cases, open and done, for the case page and the timeline.
	 */
	@Transactional(readOnly = true)
	public List<FollowUpView> ofCases(List<CaseView> of) {
		return this.repository.ofCases(of.stream().map(CaseView::id).toList())
			.stream()
			.map(f -> view(f, of.stream().filter(c -> c.id().equals(f.caseId())).findFirst().orElseThrow()))
			.toList();
	}

	/**
	 * Schedules the next look at cases whose root cause is still unknown and have no open
	 * unknown-cause follow-up, the longest quiet first, at most {@code limit} per run.
	 * Run periodically (see {@code FollowUpJobs}); what is due is found in the database,
	 * so restarts lose nothing, and cases already watched never hide the others.
	 * @return how many were scheduled
	 */
	@Transactional
	public int scheduleUnknownCauseLooks(int limit) {
		Set<UUID> watched = this.repository.casesWithOpen(FollowUpKind.UNKNOWN_CAUSE);
		List<UUID> due = this.cases.idsWithRootCause(RootCauseState.UNKNOWN)
			.stream()
			.filter(id -> !watched.contains(id))
			.limit(limit)
			.toList();
		for (CaseView unknown : this.cases.find(due).values()) {
			insert(unknown, FollowUpKind.UNKNOWN_CAUSE, this.clock.instant().plus(this.unknownCauseEvery),
					"The root cause is still unknown: look at new evidence and similar unknown cases.");
		}
		return due.size();
	}

	@ApplicationModuleListener
	void on(ResolutionConfirmed ended) {
		afterResolution(ended.caseId(), ended.kind(), ended.occurredAt());
	}

	@ApplicationModuleListener
	void on(ResolvedOnBehalf ended) {
		afterResolution(ended.caseId(), ended.kind(), ended.occurredAt());
	}

	@ApplicationModuleListener
	void on(ResolutionClosedUnconfirmed ended) {
		afterResolution(ended.caseId(), ended.kind(), ended.occurredAt());
	}

	@ApplicationModuleListener
	void on(CaseRootCauseFound found) {
		if (found.state() == RootCauseState.UNKNOWN) {
			this.cases.find(found.caseId())
				.filter(c -> !this.repository.hasOpen(c.id(), FollowUpKind.UNKNOWN_CAUSE))
				.ifPresent(c -> insert(c, FollowUpKind.UNKNOWN_CAUSE, found.occurredAt().plus(this.unknownCauseEvery),
						"The root cause is unknown: look at new evidence and similar unknown cases."));
		}
		else if (found.state() == RootCauseState.KNOWN) {
			// A new diagnosis or an investigation found the cause: the look for new
			// evidence on it has nothing left to find.
			for (FollowUp open : this.repository.ofCases(List.of(found.caseId()))) {
				if (open.kind() == FollowUpKind.UNKNOWN_CAUSE && open.completedAt() == null) {
					open.complete("The root cause is known now: " + found.causeKey() + ".", "system",
							found.occurredAt());
					this.repository.complete(open);
				}
			}
		}
	}

	private void afterResolution(UUID caseId, ResolutionKind kind, Instant at) {
		CaseView target = this.cases.find(caseId).orElseThrow();
		switch (kind) {
			case RELIEVED -> insert(target, FollowUpKind.DID_IT_HOLD, at.plus(this.holdCheck),
					"Only the symptom was relieved: ask whether it held, and whether the cause is known now.");
			case CURED -> insert(target, FollowUpKind.CHECK_IN, at.plus(this.cureCheck),
					"Cured: check in once that the problem has not come back.");
			case UNEXPLAINED -> {
				// The unknown root cause has its own periodic follow-up.
			}
		}
	}

	private void insert(CaseView target, FollowUpKind kind, Instant due, String note) {
		if (this.repository.hasOpen(target.id(), kind)) {
			return;
		}
		String owner = target.assignee() != null ? target.assignee() : target.team();
		this.repository.insert(FollowUp.schedule(target.id(), kind, due, owner, note, "system", this.clock.instant()));
	}

	private FollowUpView view(FollowUp f, CaseView c) {
		return new FollowUpView(f.id(), f.caseId(), c.reference(), c.subject(), f.kind(), f.dueAt(), f.owner(),
				f.note(), f.createdAt(), f.createdBy(), f.completedAt(), f.completedBy(), f.outcome(),
				f.isOverdue(this.clock.instant()));
	}

	private CaseView caseOf(String reference) {
		return this.cases.find(reference).orElseThrow(() -> new CaseNotFoundException(reference));
	}

}

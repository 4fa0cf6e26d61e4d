package io.rootcase.cases;

import java.time.Instant;
import java.util.UUID;

import io.rootcase.shared.Channel;

/**
 * What other modules and the API may know of a case.
 *
 * @param reference the human reference agents and customers quote, e.g. {@code RC-1042}
 * @param contactReason what the case is about, from the taxonomy of contact reasons
 * @param contactReasonSource whether the classifier or an agent gave the reason
 * @param resolutionKind cured, relieved or unexplained once the case has ended or awaits
 * confirmation, else {@code null}
 * @param resolutionOutcome how the latest resolution ended, {@code null} while it has not
 * @param resolutionProposedAt when the latest resolution was proposed (it stays when the
 * customer reopens the case, until the next proposal)
 * @param reminderSentAt when the customer was reminded to confirm that proposal, if they
 * were
 * @param recurrenceOf the earlier case whose problem this one is, come back
 * @param customerSaysItRecurs the customer says themselves it is back or not fixed
 * @param reopenCount how often the case came back after a resolution was proposed or
 * confirmed
 * @param mergedIntoId the case an agent merged this one into, where its contacts went
 * @param waitingSince since when the customer has been waiting for our answer (the case
 * is new or open), else {@code null}
 * @param answerDueAt when they should have it, by the answer target of the case's
 * channel; {@code null} when nobody waits or the channel has no target
 */
public record CaseView(UUID id, String reference, UUID customerId, Channel channel, String subject, CaseStatus status,
		String team, String assignee, Instant openedAt, Instant lastActivityAt, Instant closedAt, String contactReason,
		ReasonSource contactReasonSource, RootCauseState rootCauseState, String rootCauseKey, UUID problemId,
		UUID followsCaseId, int handoverCount, ResolutionKind resolutionKind, ResolutionOutcome resolutionOutcome,
		Instant resolutionProposedAt, Instant reminderSentAt, int reopenCount, UUID recurrenceOf,
		boolean customerSaysItRecurs, UUID mergedIntoId, Instant waitingSince, Instant answerDueAt) {

	static CaseView of(CaseSnapshot s, AnswerTargets targets) {
		CaseDiagnosisState d = s.diagnosis();
		return new CaseView(s.id(), CaseReference.format(s.number()), s.customerId(), s.channel(), s.subject(),
				s.status(), s.team(), s.assignee(), s.openedAt(), s.lastActivityAt(), s.closedAt(), d.contactReason(),
				d.reasonSource(), d.rootCauseState(), d.rootCauseKey(), d.problemId(), s.followsCaseId(),
				s.handoverCount(), s.resolution().kindWhenEnded(s.status(), d), s.resolution().outcome(),
				s.resolution().proposedAt(), s.resolution().reminderSentAt(), s.resolution().reopenCount(),
				s.recurrence().of(), s.recurrence().customerSaysSo(), s.mergedIntoId(), s.waitingSince(),
				targets.dueBy(s.channel(), s.waitingSince()));
	}

}

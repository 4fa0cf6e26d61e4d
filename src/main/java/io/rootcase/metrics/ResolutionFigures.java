package io.rootcase.metrics;

import java.time.Instant;

/**
 * The resolution figures of a period (see docs/metrics.md for the query behind each).
 * Rates are shares between 0 and 1, {@code null} when there is nothing to divide by.
 *
 * @param cases cases opened in the period
 * @param repeatContactRate share of those cases on which the customer had to make contact
 * more than once
 * @param recurrenceAfterPalliativeRate share of the period's relieved cases whose problem
 * came back (a later case linked as its recurrence)
 * @param cureNotHeldRate share of the period's cured cases whose problem came back all
 * the same (a later case of the customer's on the same matter within the recurrence
 * window): a wrong diagnosis or a fix that did not last
 * @param cured cases whose resolution is cured
 * @param relieved cases whose resolution is relieved
 * @param unexplained cases whose resolution is unexplained
 * @param confirmedResolutions customer confirmations that happened in the period
 * @param unconfirmedClosures closures without the customer's answer in the period
 * @param resolvedOnBehalf resolutions by a manager on the customer's behalf in the period
 * @param reopenRate share of the period's proposed resolutions that the customer rejected
 * or answered by reopening
 * @param meanHandovers handovers per case
 * @param threadingCorrectionRate share of the cases an agent moved a contact off because
 * threading had put it on the wrong case
 * @param meanContactsPerResolvedProblem contacts, over a problem's whole recurrence
 * chain, per problem resolved or closed
 * @param recurrenceMinutes agent minutes spent on cases that are recurrences
 * @param firstReply from the customer's first contact on a case to the first answer sent
 * on it, over the cases that have one
 * @param unanswered cases the customer contacted us on that have no answer yet
 * @param firstReplyInTimeRate share of first answers that came within the answer target
 * of the case's channel, among those that did and those late (answered late, or still
 * missing once the target passed)
 * @param customerConfirmed from a case's opening to the customer confirming it resolved
 * (the first time), over the cases they confirmed
 */
public record ResolutionFigures(Instant from, Instant to, long cases, Double repeatContactRate,
		Double recurrenceAfterPalliativeRate, Double cureNotHeldRate, long cured, long relieved, long unexplained,
		long confirmedResolutions, long unconfirmedClosures, long resolvedOnBehalf, Double reopenRate,
		Double meanHandovers, Double threadingCorrectionRate, Double meanContactsPerResolvedProblem,
		long recurrenceMinutes, TimeTaken firstReply, long unanswered, Double firstReplyInTimeRate,
		TimeTaken customerConfirmed) {
}

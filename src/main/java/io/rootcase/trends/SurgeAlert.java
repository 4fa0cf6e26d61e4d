package io.rootcase.trends;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.rootcase.shared.Texts;

/**
 * A series found surging.
 *
 * @param since the first hour of the surge
 * @param lastFlagged the latest hour the series was still flagged
 * @param observed contacts from {@code since} through {@code lastFlagged}
 * @param expected contacts the baseline expected over the same hours
 * @param pValue the test's p-value when last flagged
 * @param partOf the alert of the reason's own surge this segment's alert is part of, or
 * {@code null}
 */
public record SurgeAlert(UUID id, SeriesKey series, AlertState state, Instant since, Instant lastFlagged,
		Instant detectedAt, long observed, double expected, double pValue, String actedBy, Instant actedAt,
		String dismissReason, String problemReference, UUID partOf) {

	public String label() {
		return this.series.label();
	}

	/** How many times the expected count arrived. */
	public double ratio() {
		return this.expected <= 0 ? Double.POSITIVE_INFINITY : this.observed / this.expected;
	}

	SurgeAlert flaggedAgain(Instant hour, long observed, double expected, double pValue) {
		return new SurgeAlert(this.id, this.series, this.state, this.since, hour, this.detectedAt, observed, expected,
				pValue, this.actedBy, this.actedAt, this.dismissReason, this.problemReference, this.partOf);
	}

	SurgeAlert decided(AlertState state, String actor, Instant at, String dismissReason, String problemReference) {
		if (!this.state.undecided()) {
			throw new IllegalStateException("the alert is already " + Texts.words(this.state));
		}
		return new SurgeAlert(this.id, this.series, state, this.since, this.lastFlagged, this.detectedAt, this.observed,
				this.expected, this.pValue, actor, at, dismissReason, problemReference, this.partOf);
	}

	/**
	 * Whether this alert is a segment's view of the surge the other alert is about: a
	 * segment of its reason, surging at hours that overlap its own or lie within
	 * {@code gap} of them.
	 */
	boolean segmentOf(SurgeAlert whole, Duration gap) {
		return this.series.segment() && whole.series.equals(SeriesKey.reason(this.series.reason()))
				&& !this.since.isAfter(whole.lastFlagged.plus(gap)) && !whole.since.isAfter(this.lastFlagged.plus(gap));
	}

	/**
	 * This segment's alert as part of the whole surge's alert, decided as it is: the
	 * decision on the surge is the decision on each of its segments.
	 */
	SurgeAlert partOf(SurgeAlert whole, Instant at) {
		if (!this.state.undecided()) {
			throw new IllegalStateException("the alert is already " + Texts.words(this.state));
		}
		return new SurgeAlert(this.id, this.series, whole.state, this.since, this.lastFlagged, this.detectedAt,
				this.observed, this.expected, this.pValue, whole.actedBy, whole.actedAt == null ? null : at,
				whole.dismissReason, whole.problemReference, whole.id);
	}

}

package io.rootcase.trends;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A group of unexplained cases that mean the same thing: a candidate emerging problem.
 *
 * @param lastWeek cases of the group opened in the last seven days
 * @param weekBefore cases opened in the seven days before
 * @param terms the words that set the group apart
 * @param representatives the messages nearest the group's centre
 * @param outcome what a manager made of it
 */
public record EmergingCluster(UUID id, Instant foundAt, ClusterState state, int size, int lastWeek, int weekBefore,
		List<String> terms, List<String> representatives, String outcome, String actedBy, Instant actedAt) {

	/** Growth from one week to the next; {@code null} when the week before had none. */
	public Double growth() {
		return this.weekBefore == 0 ? null : (double) this.lastWeek / this.weekBefore - 1;
	}

}

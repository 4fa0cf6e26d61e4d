package io.rootcase.cases;

import java.util.List;

/**
 * A problem that keeps coming back, as the agent's banner shows it.
 *
 * @param times how many cases the problem has had, this one included
 * @param days from the first case's opening to this one's
 * @param palliativesTried each palliative tried across the chain, with how often
 * @param peopleExplainedTo how many different agents the customer has had to explain it
 * to
 * @param handovers handovers across the chain
 * @param customerSaysSo the customer says themselves that it is back or not fixed
 * @param chain the cases, first first
 */
public record RecurrenceView(int times, long days, List<Tried> palliativesTried, int peopleExplainedTo, int handovers,
		boolean customerSaysSo, RecurrenceSignal signal, List<ChainCase> chain) {

	public record Tried(String what, int count) {
	}

	public record ChainCase(String reference, java.time.Instant openedAt, ResolutionKind kind) {
	}

}

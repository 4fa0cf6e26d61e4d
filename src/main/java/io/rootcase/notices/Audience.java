package io.rootcase.notices;

/**
 * Whom a notice of a problem would reach now (before leaving out those we have no address
 * for).
 *
 * @param withLinkedCases customers with a case linked to the problem that is not closed
 * @param inSegmentOnly other customers in the segment the problem names: those who may
 * not have noticed yet
 */
public record Audience(int withLinkedCases, int inSegmentOnly, int total) {

	static Audience of(int withLinkedCases, int inSegmentOnly) {
		return new Audience(withLinkedCases, inSegmentOnly, withLinkedCases + inSegmentOnly);
	}

}

package io.rootcase.notices;

/**
 * Whom a notice of a problem would reach now (before leaving out those we have no address
 * for).
 *
 * @param withLinkedCases customers with a case linked to the problem that is not closed
 * @param inSegmentOnly other customers in the segment the problem names: those who may
 * not have noticed yet
 * @param toldEarlierOnly other customers an earlier notice of the problem reached: told
 * once, they hear every update, above all that it is fixed
 */
public record Audience(int withLinkedCases, int inSegmentOnly, int toldEarlierOnly, int total) {

	static Audience of(int withLinkedCases, int inSegmentOnly, int toldEarlierOnly) {
		return new Audience(withLinkedCases, inSegmentOnly, toldEarlierOnly,
				withLinkedCases + inSegmentOnly + toldEarlierOnly);
	}

}

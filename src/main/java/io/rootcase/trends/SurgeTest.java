package io.rootcase.trends;

/**
 * What the surge test found for one hour of one series.
 *
 * @param observed contacts in the hour
 * @param expected contacts the baseline expected
 * @param dispersion the negative binomial dispersion of the hour's count around it
 * @param pValue the chance of a rise at least this strong if nothing changed
 * @param since the index of the hour the rise started (the CUSUM's segment start, or the
 * hour itself for a spike)
 * @param contactsSince contacts from that hour on
 * @param expectedSince contacts the baseline expected from that hour on
 */
record SurgeTest(long observed, double expected, double dispersion, double pValue, int since, long contactsSince,
		double expectedSince) {

	/**
	 * Below this many contacts nothing is called a surge however unlikely: a reason that
	 * never had a contact is not surging with its first two.
	 */
	static final int MIN_CONTACTS = 3;

	/**
	 * The top of the baseline's 95 % band, for charts: worked out on demand, since the
	 * hourly watch tests every series and never needs it.
	 */
	long upper() {
		return CountTail.upperBound(this.expected, this.dispersion, 0.025);
	}

	/** Whether the test flags the hour at this level. */
	boolean surging(double level) {
		return this.pValue <= level && this.contactsSince >= MIN_CONTACTS;
	}

}

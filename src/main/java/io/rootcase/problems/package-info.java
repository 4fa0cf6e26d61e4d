/**
 * Problem management: one problem for the many cases one broken process causes, owned by
 * the internal team that can fix it, moved through investigation to a known error and a
 * deployed fix, and verified by the data: matching contacts must measurably stop.
 */
package io.rootcase.problems;

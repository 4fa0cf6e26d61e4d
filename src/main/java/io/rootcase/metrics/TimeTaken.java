package io.rootcase.metrics;

/**
 * How long something took, over the cases it happened to. Calendar time, not working
 * hours: it is how long the customer waited.
 *
 * @param cases how many cases it happened to
 * @param medianMinutes half of them took at most this long, {@code null} when none
 * @param p90Minutes nine in ten took at most this long, {@code null} when none
 */
public record TimeTaken(long cases, Double medianMinutes, Double p90Minutes) {
}

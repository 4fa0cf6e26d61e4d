/**
 * Trends: contact counts per reason, root cause and customer segment kept as contacts
 * arrive; an hourly surge watch over them (seasonal baseline, spike and CUSUM tests,
 * false-discovery control) whose alerts managers acknowledge, dismiss or turn into
 * problems; and emerging problems, the unexplained cases grouped by meaning.
 */
package io.rootcase.trends;

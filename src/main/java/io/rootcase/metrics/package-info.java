/**
 * The honest metrics of solving problems: repeat contacts, recurrence after palliatives,
 * cured / relieved / unexplained, confirmed vs unconfirmed endings, reopens, handovers,
 * contacts per resolved problem, minutes spent on recurrences. A read model: every figure
 * is one documented SQL query over the stored cases, transitions, actions and contacts
 * (docs/metrics.md), so anyone can reproduce it.
 */
package io.rootcase.metrics;

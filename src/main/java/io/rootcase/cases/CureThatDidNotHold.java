package io.rootcase.cases;

import java.time.Instant;

/**
 * An earlier case of the same customer that ended cured, whose problem is back.
 *
 * @param caseReference the cured case
 * @param rootCauseKey the root cause found and cured then
 * @param curedAt when work on it last happened
 */
public record CureThatDidNotHold(String caseReference, String rootCauseKey, Instant curedAt) {
}

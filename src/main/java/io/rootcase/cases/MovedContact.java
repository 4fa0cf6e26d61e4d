package io.rootcase.cases;

/**
 * Where a moved contact went, and what the move did to the cases.
 *
 * @param from the case it left, as the move left it
 * @param to the case it is on now
 * @param caseOpened whether the move opened {@code to} for it
 * @param fromCaseClosed whether the move closed {@code from}, having no contact left
 */
public record MovedContact(CaseView from, CaseView to, boolean caseOpened, boolean fromCaseClosed) {
}

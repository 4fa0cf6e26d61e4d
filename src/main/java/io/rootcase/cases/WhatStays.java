package io.rootcase.cases;

/**
 * What stays on the case a contact is moved out of, as the module that keeps contacts
 * sees it.
 *
 * @param anyContact whether any other contact stays
 * @param customerWordsSince whether a contact of the customer as recent as the moved one,
 * or more, stays: the case still has their words to answer
 */
public record WhatStays(boolean anyContact, boolean customerWordsSince) {
}

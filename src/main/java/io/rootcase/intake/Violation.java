package io.rootcase.intake;

/**
 * One thing wrong with a contact.
 *
 * @param field the offending field, as named in the API and the CSV layout
 */
public record Violation(String field, String message) {
}

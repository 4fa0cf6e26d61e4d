package io.rootcase.staff;

/**
 * An internal team: Support answers customers, Finance, Product, Shipping and others own
 * the fixes of causes in their area.
 */
public record Team(String code, String name) {
}

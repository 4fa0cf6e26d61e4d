package io.rootcase.staff;

/**
 * A person who signs in to the console.
 */
public record Agent(String username, String displayName, Role role, String team, boolean active) {
}

package io.rootcase.staff;

/**
 * An agent left: they can no longer sign in, their sessions end, and the cases they held
 * go back to their teams' queues.
 *
 * @param username the agent
 * @param by the admin who deactivated them
 */
public record AgentDeactivated(String username, String by) {
}

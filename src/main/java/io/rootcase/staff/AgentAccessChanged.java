package io.rootcase.staff;

/**
 * What an agent may do, or how they prove who they are, changed: another role, or another
 * password (for an agent who leaves, see {@link AgentDeactivated}). Whatever they signed
 * in with before no longer holds, so their console sessions end.
 *
 * @param username the agent
 */
public record AgentAccessChanged(String username) {
}

package io.rootcase.trends;

/**
 * Where an emerging problem stands: proposed by the clustering (replaced at its next
 * run), adopted by a manager as a contact reason, root cause or problem, or dismissed.
 */
public enum ClusterState {

	PROPOSED, ADOPTED, DISMISSED

}

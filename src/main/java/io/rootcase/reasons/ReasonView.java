package io.rootcase.reasons;

/**
 * A contact reason of the taxonomy.
 *
 * @param key stable identifier, kept through renames
 * @param team the internal team that owns what causes it, if any
 * @param parentKey the broader reason it belongs to, if any
 * @param mergedInto the reason that took it over, when merged
 */
public record ReasonView(String key, String name, String description, String team, String parentKey,
		ReasonStatus status, String mergedInto) {

	/** The key this reason counts under now: its own, or that of the reason it joined. */
	public String countsAs() {
		return this.mergedInto == null ? this.key : this.mergedInto;
	}

	/** Predicted and offered to agents. */
	public boolean isActive() {
		return this.status == ReasonStatus.ACTIVE;
	}

}

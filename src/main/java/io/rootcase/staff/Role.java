package io.rootcase.staff;

/**
 * What a person or an integration may do. Each role includes the ones before it.
 */
public enum Role {

	AGENT, MANAGER, ADMIN;

	/** The roles this one carries, for Spring Security's role checks. */
	public java.util.List<Role> granted() {
		return java.util.Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal()).toList();
	}

}

package dev.parley.api;

import java.util.EnumSet;
import java.util.Set;

import dev.parley.identity.Role;

/**
 * Who may call an API path, for the OpenAPI document: the same rules the security filter chain applies
 * ({@code /api/v1/me/**} customers, {@code /api/v1/agent/**} agents, {@code /api/v1/supervisor/**} supervisors
 * and administrators, {@code /api/v1/admin/**} administrators)
 * and the audit controller's role check. {@code OpenApiDocumentTests} calls every operation with each role to
 * keep the two in step.
 */
enum Audience {

	EVERYONE("anyone, without a token", EnumSet.noneOf(Role.class)),
	SIGNED_IN("any signed-in user: customer, agent, supervisor or administrator", EnumSet.allOf(Role.class)),
	CUSTOMERS("customers only, each on their own data (the path names no customer)", EnumSet.of(Role.CUSTOMER)),
	AGENTS("agents only, each at their own desk (the path names no agent)", EnumSet.of(Role.AGENT)),
	STAFF("agents, supervisors and administrators", EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN)),
	SUPERVISORS("supervisors and administrators, each on their own alerts (the path names no one)",
			EnumSet.of(Role.SUPERVISOR, Role.ADMIN)),
	ADMINS("administrators only", EnumSet.of(Role.ADMIN));

	private final String who;
	private final Set<Role> roles;

	Audience(String who, Set<Role> roles) {
		this.who = who;
		this.roles = roles;
	}

	static Audience of(String path, boolean publicOperation) {
		if (publicOperation) {
			return EVERYONE;
		}
		if (path.startsWith("/api/v1/me/")) {
			return CUSTOMERS;
		}
		if (path.startsWith("/api/v1/agent/")) {
			return AGENTS;
		}
		if (path.startsWith("/api/v1/supervisor/")) {
			return SUPERVISORS;
		}
		if (path.startsWith("/api/v1/admin/")) {
			return ADMINS;
		}
		if (path.equals("/api/v1/audit")) {
			return STAFF;
		}
		return SIGNED_IN;
	}

	/** The sentence the document adds to the operation's description. */
	String who() {
		return who;
	}

	/** The roles that may call it; none for a public operation, which needs no token. */
	Set<Role> roles() {
		return roles;
	}

	/** Whether a signed-in caller of another role gets 403. */
	boolean restricted() {
		return this != EVERYONE && roles.size() < Role.values().length;
	}
}

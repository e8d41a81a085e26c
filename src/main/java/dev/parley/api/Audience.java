package dev.parley.api;

/**
 * Who may call an API path, for the OpenAPI document: the same rules the security filter chain applies
 * ({@code /api/v1/me/**} customers, {@code /api/v1/agent/**} agents, {@code /api/v1/admin/**} administrators) and the audit controller's
 * role check. {@code OpenApiDocumentTests} calls every operation with each role to keep the two in step.
 */
enum Audience {

	EVERYONE("anyone, without a token", false),
	SIGNED_IN("any signed-in user: customer, agent, supervisor or administrator", false),
	CUSTOMERS("customers only, each on their own data (the path names no customer)", true),
	STAFF("agents, supervisors and administrators", true),
	AGENTS("agents only, each on their own work (the path names no agent)", true),
	ADMINS("administrators only", true);

	private final String who;
	private final boolean restricted;

	Audience(String who, boolean restricted) {
		this.who = who;
		this.restricted = restricted;
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

	/** Whether a signed-in caller of another role gets 403. */
	boolean restricted() {
		return restricted;
	}
}

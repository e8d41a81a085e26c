package dev.parley.security;

import dev.parley.identity.Role;

/** Where each role lands after signing in. */
public final class RoleHomes {

	private RoleHomes() {
	}

	public static String of(Role role) {
		return switch (role) {
			case CUSTOMER -> "/customer";
			case AGENT -> "/agent";
			case SUPERVISOR -> "/supervisor";
			case ADMIN -> "/admin";
		};
	}
}

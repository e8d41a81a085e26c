package dev.parley.invitations;

import java.util.Locale;

/** Who invites whom: an agent invites a customer, or a customer asks for a named agent. */
public enum Direction {
	TO_CUSTOMER, TO_AGENT;

	public String token() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}
}

package dev.parley.invitations;

import java.util.Locale;

/** The life of an invitation: pending until it is accepted, declined, or expires. */
public enum InvitationState {
	PENDING, ACCEPTED, DECLINED, EXPIRED;

	public String token() {
		return name().toLowerCase(Locale.ROOT);
	}
}

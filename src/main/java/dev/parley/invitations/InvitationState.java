package dev.parley.invitations;

import java.util.Locale;

/**
 * The life of an invitation: pending until it is accepted, declined, or expires; a customer may withdraw their own
 * request while it is pending (to wait no longer, to go to a queue, or to ask someone else).
 */
public enum InvitationState {
	PENDING, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN;

	public String token() {
		return name().toLowerCase(Locale.ROOT);
	}
}

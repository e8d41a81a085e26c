package dev.parley.invitations;

import java.util.Objects;
import java.util.UUID;

import dev.parley.common.NotFoundException;

/** An invitation's id. */
public record InvitationId(UUID value) {

	public InvitationId {
		Objects.requireNonNull(value, "value");
	}

	public static InvitationId random() {
		return new InvitationId(UUID.randomUUID());
	}

	/** Reads a path segment; anything that is no UUID names no invitation (404). */
	public static InvitationId parse(String text) {
		try {
			return new InvitationId(UUID.fromString(text));
		}
		catch (RuntimeException e) {
			throw new NotFoundException("invitation");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

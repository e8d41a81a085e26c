package dev.parley.routing;

import java.util.Objects;
import java.util.UUID;

import dev.parley.common.NotFoundException;

/** An interaction's id. */
public record InteractionId(UUID value) {

	public InteractionId {
		Objects.requireNonNull(value, "value");
	}

	public static InteractionId random() {
		return new InteractionId(UUID.randomUUID());
	}

	/** Reads a path segment; anything that is no UUID names no interaction (404). */
	public static InteractionId parse(String text) {
		try {
			return new InteractionId(UUID.fromString(text));
		}
		catch (RuntimeException e) {
			throw new NotFoundException("interaction");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

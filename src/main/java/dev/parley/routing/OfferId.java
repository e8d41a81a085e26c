package dev.parley.routing;

import java.util.Objects;
import java.util.UUID;

import dev.parley.common.NotFoundException;

/** An offer's id: one offer of one interaction to one agent. */
public record OfferId(UUID value) {

	public OfferId {
		Objects.requireNonNull(value, "value");
	}

	public static OfferId random() {
		return new OfferId(UUID.randomUUID());
	}

	public static OfferId parse(String text) {
		try {
			return new OfferId(UUID.fromString(text));
		}
		catch (RuntimeException e) {
			throw new NotFoundException("offer");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

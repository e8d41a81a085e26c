package dev.parley.orders;

import java.util.Objects;
import java.util.UUID;

import dev.parley.common.NotFoundException;

public record OrderId(UUID value) {

	public OrderId {
		Objects.requireNonNull(value, "value");
	}

	/** Parses an id from a URL; anything that is not a UUID is an unknown order. */
	public static OrderId parse(String text) {
		try {
			return new OrderId(UUID.fromString(text == null ? "" : text.trim()));
		}
		catch (IllegalArgumentException e) {
			throw new NotFoundException("order");
		}
	}

	public static OrderId random() {
		return new OrderId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

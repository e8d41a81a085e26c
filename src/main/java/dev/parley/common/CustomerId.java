package dev.parley.common;

import java.util.Objects;
import java.util.UUID;

/** A customer's identity: the UUID of their identity account. */
public record CustomerId(UUID value) {

	public CustomerId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

package dev.parley.common;

import java.util.Objects;
import java.util.UUID;

/** An agent's id: the UUID of their identity account. */
public record AgentId(UUID value) {

	public AgentId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

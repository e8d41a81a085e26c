package dev.parley.history;

import java.util.Objects;
import java.util.UUID;

public record InteractionRecordId(UUID value) {

	public InteractionRecordId {
		Objects.requireNonNull(value, "value");
	}

	public static InteractionRecordId random() {
		return new InteractionRecordId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

package dev.parley.alerts;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

import dev.parley.common.NotFoundException;

/**
 * An alert's id: derived from the rule and the event that raised it ({@link #of}), so an event delivered twice
 * raises one alert.
 */
public record AlertId(UUID value) {

	public AlertId {
		Objects.requireNonNull(value, "value");
	}

	public static AlertId of(AlertRuleId rule, String eventKey) {
		return new AlertId(UUID.nameUUIDFromBytes((rule.value() + "|" + eventKey).getBytes(StandardCharsets.UTF_8)));
	}

	/** The id a path names; an id that is not a UUID names no alert (404, like another account's). */
	public static AlertId parse(String text) {
		try {
			return new AlertId(UUID.fromString(text));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw new NotFoundException("alert");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

package dev.parley.reports;

import java.util.Locale;

import dev.parley.common.InvalidInputException;

/** What a report's rows are: one per day, queue, medium, product or agent. */
public enum Dimension {

	DAY, QUEUE, MEDIUM, PRODUCT, AGENT;

	public String token() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Dimension parse(String value, String field) {
		if (value == null || value.isBlank()) {
			return DAY;
		}
		for (Dimension d : values()) {
			if (d.token().equals(value.strip().toLowerCase(Locale.ROOT))) {
				return d;
			}
		}
		throw InvalidInputException.of(field, "invalid", "must be day, queue, medium, product or agent");
	}
}

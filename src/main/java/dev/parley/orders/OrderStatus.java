package dev.parley.orders;

import java.util.Locale;

import dev.parley.common.InvalidInputException;

/** Where an order stands. PLACED -> PAID -> SHIPPED -> DELIVERED -> RETURNED; CANCELLED from PLACED or PAID. */
public enum OrderStatus {

	PLACED, PAID, SHIPPED, DELIVERED, CANCELLED, RETURNED;

	/** Parses a client-given status (any case); blank means none. Unknown values are invalid input. */
	public static OrderStatus parse(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of(field, "unknown",
					"must be one of placed, paid, shipped, delivered, cancelled, returned");
		}
	}

	/** Lower-case name for messages and URLs. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** True before the parcel leaves: the order may still be cancelled and its address changed. */
	public boolean isBeforeShipping() {
		return this == PLACED || this == PAID;
	}
}

package dev.parley.identity;

import java.util.Objects;
import java.util.UUID;

/** An account's identity. Customers and agents share the id of their account. */
public record AccountId(UUID value) {

	public AccountId {
		Objects.requireNonNull(value, "value");
	}

	public static AccountId random() {
		return new AccountId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

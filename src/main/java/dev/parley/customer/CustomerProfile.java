package dev.parley.customer;

import dev.parley.common.CustomerId;

/** Everything a customer sees and changes about themselves, each section with its own version. */
public record CustomerProfile(CustomerId id, Demographics demographics, Capabilities capabilities, Agenda agenda,
		Interests interests) {
}

package dev.parley.customer;

import java.util.List;

/** Section 2: the media a customer can be reached on and the one they prefer. */
public record Capabilities(List<Capability> capabilities, Medium preferredMedium, Long version) {

	public Capabilities {
		capabilities = capabilities == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(capabilities));
	}
}

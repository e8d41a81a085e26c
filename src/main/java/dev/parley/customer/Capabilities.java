package dev.parley.customer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.parley.common.Medium;

/**
 * Section 2: the addresses a customer can be reached at and the medium they prefer (one that an enabled
 * address carries).
 */
public record Capabilities(List<Capability> capabilities, Medium preferredMedium, Long version) {

	public Capabilities {
		capabilities = capabilities == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(capabilities));
	}

	/** The media the enabled addresses carry: what the customer can use now. */
	public Set<Medium> enabledMedia() {
		Set<Medium> media = EnumSet.noneOf(Medium.class);
		capabilities.stream().filter(c -> c != null && c.enabled() && c.kind() != null)
			.forEach(c -> media.addAll(c.kind().media()));
		return media;
	}
}

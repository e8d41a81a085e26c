package dev.parley.customer;

import java.util.List;

/**
 * A custom customer attribute an administrator defines: its key (pattern [a-z][a-z0-9_]{1,39}), label,
 * type, whether customers must fill it in, an optional maximum length (text) and the options of a CHOICE.
 */
public record AttributeDefinition(String key, String label, AttributeType type, boolean required, Integer maxLength,
		List<String> options) {

	public AttributeDefinition {
		options = options == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(options));
	}
}

package dev.parley.customer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Section 1: who the customer is. {@code preferredLanguage} and {@code locale} are BCP 47 tags,
 * {@code timeZone} an IANA id, {@code country} ISO 3166-1 alpha-2; {@code attributes} holds the values of
 * administrator-defined attributes by key, as text.
 */
public record Demographics(String name, String preferredLanguage, String locale, String timeZone, String country,
		Integer birthYear, Map<String, String> attributes, Long version) {

	public Demographics {
		attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
	}
}

package dev.parley.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.common.Text;
import dev.parley.common.Violations;

/** Validates section 1 against the attribute definitions and returns it normalized. */
final class DemographicsRules {

	private DemographicsRules() {
	}

	static Demographics validate(Demographics d, List<AttributeDefinition> definitions, int currentYear) {
		var v = new Violations();
		v.check(d.version() == null, "version", "required", "must be given");
		v.required(d.name(), "name").text(d.name(), 120, "name");
		var language = LocaleRules.languageTag(d.preferredLanguage());
		v.check(language.isEmpty(), "preferredLanguage", "unknown", "must be a known BCP 47 language tag, e.g. en or pt-BR");
		var locale = LocaleRules.languageTag(d.locale());
		v.check(locale.isEmpty(), "locale", "unknown", "must be a known locale tag, e.g. en-GB");
		var zone = LocaleRules.timeZone(d.timeZone());
		v.check(zone.isEmpty(), "timeZone", "unknown", "must be a known IANA time zone, e.g. Europe/Berlin");
		boolean hasCountry = d.country() != null && !d.country().isBlank();
		var country = LocaleRules.country(d.country());
		v.check(hasCountry && country.isEmpty(), "country", "unknown", "must be an ISO 3166-1 alpha-2 code, e.g. DE");
		v.check(d.birthYear() != null && (d.birthYear() < 1900 || d.birthYear() > currentYear), "birthYear", "range",
				"must be between 1900 and " + currentYear);
		var attributes = attributes(d.attributes(), definitions, v);
		v.throwIfAny();
		return new Demographics(d.name().trim(), language.get(), locale.get(), zone.get(), country.orElse(null),
				d.birthYear(), attributes, d.version());
	}

	private static Map<String, String> attributes(Map<String, String> values, List<AttributeDefinition> definitions,
			Violations v) {
		Map<String, String> result = new LinkedHashMap<>();
		values.keySet().stream().filter(k -> definitions.stream().noneMatch(def -> def.key().equals(k)))
			.forEach(k -> v.add("attributes." + k, "unknown", "is not a defined attribute"));
		for (AttributeDefinition def : definitions) {
			String raw = values.get(def.key());
			String value = raw == null || raw.isBlank() ? null : raw.trim();
			String field = "attributes." + def.key();
			if (value == null) {
				v.check(def.required(), field, "required", "must not be blank");
				continue;
			}
			String problem = problem(def, value);
			if (problem != null) {
				v.add(field, "invalid", problem);
			}
			result.put(def.key(), def.type() == AttributeType.BOOLEAN ? value.toLowerCase() : value);
		}
		return result;
	}

	/** What is wrong with a non-blank value for this definition, or null. */
	static String problem(AttributeDefinition def, String value) {
		int max = def.maxLength() == null ? 500 : def.maxLength();
		if (value.length() > max) {
			return "must be at most " + max + " characters";
		}
		int forbidden = Text.forbiddenInLine(value);
		if (forbidden >= 0) {
			return Text.message(value, forbidden, false);
		}
		return switch (def.type()) {
			case TEXT -> null;
			case NUMBER -> parses(() -> new BigDecimal(value)) ? null : "must be a number";
			case DATE -> parses(() -> LocalDate.parse(value)) ? null : "must be a date like 2024-12-31";
			case BOOLEAN -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null
					: "must be true or false";
			case CHOICE -> def.options().contains(value) ? null : "must be one of " + String.join(", ", def.options());
		};
	}

	private static boolean parses(Runnable parse) {
		try {
			parse.run();
			return true;
		}
		catch (NumberFormatException | DateTimeParseException e) {
			return false;
		}
	}
}

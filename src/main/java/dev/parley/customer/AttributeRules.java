package dev.parley.customer;

import java.util.List;
import java.util.regex.Pattern;

import dev.parley.common.Text;
import dev.parley.common.Violations;

/** Validates an attribute definition an administrator writes. */
final class AttributeRules {

	static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{1,39}");

	private AttributeRules() {
	}

	static AttributeDefinition validate(AttributeDefinition d) {
		var v = new Violations();
		v.check(d.key() == null || !KEY.matcher(d.key()).matches(), "key", "pattern",
				"must be 2 to 40 lower-case letters, digits or _, starting with a letter");
		v.required(d.label(), "label").text(d.label(), 80, "label");
		v.check(d.type() == null, "type", "required", "must be one of TEXT, NUMBER, DATE, BOOLEAN, CHOICE");
		v.check(d.maxLength() != null && (d.maxLength() < 1 || d.maxLength() > 500), "maxLength", "range",
				"must be between 1 and 500");
		List<String> options = d.options().stream().filter(o -> o != null && !o.isBlank()).map(String::trim)
			.distinct().toList();
		if (d.type() == AttributeType.CHOICE) {
			v.check(options.isEmpty(), "options", "required", "a choice needs at least one option");
			v.check(options.size() > 50, "options", "too-many", "must hold at most 50 options");
			v.check(options.stream().anyMatch(o -> o.length() > 80), "options", "too-long",
					"each option must be at most 80 characters");
			options.stream().filter(o -> !Text.isLine(o)).findFirst().ifPresent(o -> v.add("options", "characters",
					"each option is one line of text: " + Text.message(o, Text.forbiddenInLine(o), false)));
		}
		v.throwIfAny();
		return new AttributeDefinition(d.key(), d.label().trim(), d.type(), d.required(), d.maxLength(),
				d.type() == AttributeType.CHOICE ? options : List.of());
	}
}

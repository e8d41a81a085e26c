package dev.parley.customer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import dev.parley.common.Violations;

/** Validates section 4: each interest names a known category or a free topic (one of them), with a level. */
final class InterestRules {

	static final int MAX_ENTRIES = 30;

	private InterestRules() {
	}

	static List<Interest> validate(Interests in, Predicate<String> categoryExists) {
		var v = new Violations();
		v.check(in.version() == null, "version", "required", "must be given");
		v.check(in.interests().size() > MAX_ENTRIES, "interests", "too-many",
				"must hold at most " + MAX_ENTRIES + " entries");
		List<Interest> result = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < in.interests().size(); i++) {
			Interest entry = entry(in.interests().get(i), "interests[" + i + "]", categoryExists, v);
			result.add(entry);
			duplicate(entry, i, seen, v);
		}
		v.throwIfAny();
		return result;
	}

	private static Interest entry(Interest e, String field, Predicate<String> categoryExists, Violations v) {
		if (e == null) {
			v.add(field, "required", "must not be empty");
			return null;
		}
		String category = blankToNull(e.categoryKey());
		String topic = blankToNull(e.topic());
		v.check(category == null && topic == null, field + ".topic", "required", "give a category or a topic");
		v.check(category != null && topic != null, field + ".topic", "one-of", "give a category or a topic, not both");
		v.check(category != null && !categoryExists.test(category), field + ".categoryKey", "unknown",
				"is not a category of our catalog");
		v.text(topic, 80, field + ".topic");
		v.check(e.level() == null, field + ".level", "required", "must be LOW, MEDIUM or HIGH");
		return new Interest(category, topic, e.level());
	}

	/** The same category, or the same topic whatever its case, twice: the later one is named, with the first. */
	private static void duplicate(Interest e, int i, Map<String, Integer> seen, Violations v) {
		if (e == null || (e.categoryKey() == null) == (e.topic() == null)) {
			return; // already refused
		}
		String key = e.categoryKey() != null ? "category " + e.categoryKey() : "topic " + e.topic().toLowerCase(Locale.ROOT);
		Integer first = seen.putIfAbsent(key, i);
		if (first != null) {
			String field = "interests[" + i + "]." + (e.categoryKey() != null ? "categoryKey" : "topic");
			v.add(field, "duplicate", "repeats interests[" + first + "] ("
					+ (e.categoryKey() != null ? e.categoryKey() : e.topic()) + "): give each interest once");
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}

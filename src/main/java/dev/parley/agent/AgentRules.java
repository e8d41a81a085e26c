package dev.parley.agent;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.parley.common.Medium;
import dev.parley.common.Violations;

/** Rules for groups' and agents' own fields: keys, names, skills, media. */
final class AgentRules {

	static final Pattern GROUP_KEY = Pattern.compile("[a-z][a-z0-9-]{1,39}");
	static final Pattern SKILL_KEY = Pattern.compile("[a-z][a-z0-9-]{0,29}|lang:[a-z]{2,3}");

	private AgentRules() {
	}

	static Violations groupFields(String name, String description, Set<Medium> media, Violations v) {
		v.required(name, "name").text(name, 80, "name");
		v.lines(description, 500, "description");
		v.check(media == null || media.isEmpty(), "media", "required", "must offer at least one medium");
		return v;
	}

	static Violations skills(List<Skill> skills, Violations v) {
		var keys = new HashSet<String>();
		for (int i = 0; i < (skills == null ? 0 : skills.size()); i++) {
			var s = skills.get(i);
			String row = "skills[" + i + "].";
			v.check(s.key() == null || !SKILL_KEY.matcher(s.key()).matches(), row + "key", "pattern",
					"must be a lowercase key like billing or a language like lang:de");
			v.check(s.key() != null && !keys.add(s.key()), row + "key", "duplicate", "is listed twice");
			v.check(s.level() < 1 || s.level() > 5, row + "level", "range", "must be between 1 and 5");
		}
		return v;
	}
}

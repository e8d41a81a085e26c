package dev.parley.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.common.InvalidInputException;
import dev.parley.presence.PresencePrivacy.RuleInput;
import dev.parley.presence.PrivacyRules;
import dev.parley.presence.RuleTokens;
import dev.parley.presence.WatcherGroup;

/** Form plumbing of the presence pages: rule rows, field messages, the activities offered. */
final class PresenceForms {

	/** The activities the status form offers (every one has a label in presence.properties). */
	static final List<String> ACTIVITIES = List.of("busy", "meeting", "away", "on-the-phone", "meal", "appointment",
			"working", "travel", "vacation");

	record GroupRow(String token, String handling, String visibility) {
	}

	private PresenceForms() {
	}

	static List<GroupRow> groupRows(PrivacyRules rules) {
		return java.util.Arrays.stream(WatcherGroup.values())
			.map(g -> new GroupRow(g.token(), RuleTokens.token(rules.group(g).handling()),
					RuleTokens.token(rules.group(g).visibility())))
			.toList();
	}

	/** {@code agents.handling=allow&agents.visibility=full...} as the service's input. */
	static Map<String, RuleInput> groups(Map<String, String> form) {
		Map<String, RuleInput> groups = new LinkedHashMap<>();
		for (WatcherGroup g : WatcherGroup.values()) {
			String h = form.get(g.token() + ".handling");
			String v = form.get(g.token() + ".visibility");
			if (h != null || v != null) {
				groups.put(g.token(), new RuleInput(h, v));
			}
		}
		return groups;
	}

	/** Field messages; {@code activities[2]} shows next to the activities. */
	static Map<String, String> errors(InvalidInputException e) {
		Map<String, String> map = new LinkedHashMap<>();
		e.violations().forEach(v -> map.putIfAbsent(v.field().replaceAll("\\[\\d+]$", ""), v.message()));
		return map;
	}
}

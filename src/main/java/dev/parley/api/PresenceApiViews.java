package dev.parley.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.presence.AccessDecision;
import dev.parley.presence.PrivacyRules;
import dev.parley.presence.RuleTokens;
import dev.parley.presence.WatcherEntry;
import dev.parley.presence.WatcherGroup;

/** JSON shapes of watcher information and rules. */
final class PresenceApiViews {

	private PresenceApiViews() {
	}

	record Rule(String handling, String visibility) {
		static Rule of(AccessDecision d) {
			return d == null ? null : new Rule(RuleTokens.token(d.handling()), RuleTokens.token(d.visibility()));
		}
	}

	record WatcherJson(String id, String watcher, String name, String watcherClass, String status, String event,
			long expiresInSeconds, Rule rule) {
		static WatcherJson of(WatcherEntry e) {
			var info = e.info();
			return new WatcherJson(e.subscription(), info.watcher().uri(), e.displayName(),
					info.watcher().watcherClass().name().toLowerCase(java.util.Locale.ROOT), info.status().token(),
					info.event().token(), info.expiresInSeconds(), Rule.of(e.rule()));
		}
	}

	record WatcherRuleJson(String watcher, String handling, String visibility) {
	}

	record RulesJson(Map<String, Rule> groups, List<WatcherRuleJson> watchers, long version) {
		static RulesJson of(PrivacyRules rules) {
			Map<String, Rule> groups = new LinkedHashMap<>();
			for (WatcherGroup g : WatcherGroup.values()) {
				groups.put(g.token(), Rule.of(rules.group(g)));
			}
			return new RulesJson(groups, rules.watchers().stream()
				.map(w -> new WatcherRuleJson(w.watcherUri(), RuleTokens.token(w.decision().handling()),
						RuleTokens.token(w.decision().visibility())))
				.toList(), rules.version());
		}
	}
}

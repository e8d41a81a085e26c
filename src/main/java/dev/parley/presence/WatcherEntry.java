package dev.parley.presence;

import java.util.Locale;

/**
 * One watcher of a customer's presence as their privacy page and API show it: who, in what state, the
 * rule that applies to them and whether it is their own rule (else their class's).
 */
public record WatcherEntry(WatcherInfo info, String displayName, WatcherGroup group, AccessDecision rule,
		boolean ownRule) {

	public String subscription() {
		return info.id().toString();
	}

	public boolean isPending() {
		return info.status() == WatcherStatus.PENDING;
	}

	public String kind() {
		return info.watcher().watcherClass().name().toLowerCase(Locale.ROOT);
	}

	/** The handling token for forms: the own rule's, or "default" when the class rule applies. */
	public String handlingToken() {
		return ownRule && rule != null ? RuleTokens.token(rule.handling()) : "default";
	}

	public String visibilityToken() {
		return rule == null ? "full" : RuleTokens.token(rule.visibility());
	}
}

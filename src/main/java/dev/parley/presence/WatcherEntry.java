package dev.parley.presence;

/** One watcher of a customer's presence as their privacy page and API show it: who, in what state, the rule. */
public record WatcherEntry(WatcherInfo info, String displayName, WatcherGroup group, AccessDecision rule) {

	public String subscription() {
		return info.id().toString();
	}

	public boolean isPending() {
		return info.status() == WatcherStatus.PENDING;
	}
}

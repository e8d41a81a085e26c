package dev.parley.presence;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A customer's access and visibility choices, stored by the presence module: one decision per
 * {@link WatcherGroup} and rules for single watchers, which win over their class's (RFC 4745
 * {@code many} with {@code except}). {@code version} guards against stale edits.
 */
public record PrivacyRules(Map<WatcherGroup, AccessDecision> groups, List<WatcherRule> watchers, long version) {

	public PrivacyRules {
		EnumMap<WatcherGroup, AccessDecision> copy = new EnumMap<>(WatcherGroup.class);
		copy.putAll(defaults());
		if (groups != null) {
			copy.putAll(groups);
		}
		groups = Map.copyOf(copy);
		watchers = watchers == null ? List.of() : List.copyOf(watchers);
	}

	/**
	 * What a customer who chose nothing has: agents and supervisors must ask (confirm), everyone else
	 * is refused and cannot tell the customer exists.
	 */
	public static Map<WatcherGroup, AccessDecision> defaults() {
		return Map.of(WatcherGroup.AGENTS, new AccessDecision(SubHandling.CONFIRM, Visibility.FULL),
				WatcherGroup.SUPERVISORS, new AccessDecision(SubHandling.CONFIRM, Visibility.FULL),
				WatcherGroup.OTHERS, new AccessDecision(SubHandling.BLOCK, Visibility.NOTHING));
	}

	public static PrivacyRules initial() {
		return new PrivacyRules(null, null, 0);
	}

	public AccessDecision group(WatcherGroup group) {
		return groups.get(group);
	}

	public Optional<AccessDecision> forWatcher(String watcherUri) {
		return watchers.stream().filter(r -> r.watcherUri().equals(watcherUri)).map(WatcherRule::decision).findFirst();
	}

	/** The decision for a watcher: its own rule if the customer made one, else its class's. */
	public Optional<AccessDecision> decide(Watcher watcher) {
		Optional<AccessDecision> own = forWatcher(watcher.uri());
		if (own.isPresent()) {
			return own;
		}
		WatcherGroup group = WatcherGroup.of(watcher.watcherClass());
		return group == null ? Optional.of(AccessDecision.allow(Visibility.FULL)) : Optional.of(groups.get(group));
	}
}

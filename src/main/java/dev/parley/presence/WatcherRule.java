package dev.parley.presence;

import java.util.Objects;

/** A principal's rule for one watcher (RFC 4745 {@code identity/one}): it overrides the watcher's class rule. */
public record WatcherRule(String watcherUri, AccessDecision decision) {

	public WatcherRule {
		Objects.requireNonNull(watcherUri, "watcherUri");
		Objects.requireNonNull(decision, "decision");
	}
}

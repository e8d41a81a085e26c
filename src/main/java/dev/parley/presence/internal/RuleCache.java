package dev.parley.presence.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.parley.presence.PrivacyRuleSource;
import dev.parley.presence.PrivacyRules;
import dev.parley.presence.WatcherRule;

/**
 * The principals' stored rules with an in-memory cache in front: the access policy asks on every
 * subscribe and fetch, the database only on a miss. Writes go through to the store and drop the entry.
 */
@Component
public class RuleCache implements PrivacyRuleSource {

	private final RuleStore store;

	private final Clock clock;

	private final Map<UUID, PrivacyRules> cache = new ConcurrentHashMap<>();

	RuleCache(RuleStore store, Optional<Clock> clock) {
		this.store = store;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public PrivacyRules rules(UUID principal) {
		return cache.computeIfAbsent(principal, store::find);
	}

	public RuleStore store() {
		return store;
	}

	@Override
	public void remember(UUID principal, WatcherRule rule) {
		store.saveWatcher(principal, rule, clock.instant());
		evict(principal);
	}

	public void evict(UUID principal) {
		cache.remove(principal);
	}

	/** Forgets every cached rule (tests use it to prove the rules come back from the database). */
	public void clear() {
		cache.clear();
	}
}

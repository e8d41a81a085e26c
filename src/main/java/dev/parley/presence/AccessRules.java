package dev.parley.presence;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory {@link AccessPolicy}: rules for one watcher (RFC 4745 {@code identity/one}), for a class of
 * watchers of one presentity, and defaults for a class of watchers of every presentity of a kind (queues
 * open to every customer, say). Every matching rule counts; they combine as RFC 5025 says.
 */
public class AccessRules implements AccessPolicy {

	private final Map<PresentityId, Map<String, AccessDecision>> byWatcher = new ConcurrentHashMap<>();

	private final Map<PresentityId, Map<WatcherClass, AccessDecision>> byClass = new ConcurrentHashMap<>();

	private final Map<PresentityKind, Map<WatcherClass, AccessDecision>> defaults = new ConcurrentHashMap<>();

	/**
	 * Parley's defaults: queues, groups and the center are open to everyone (customers see live waiting
	 * figures); agents are seen in full by supervisors and Parley's services, open/closed by other agents;
	 * a customer sees their own presence; everything else waits for the principal's confirmation.
	 */
	public static AccessRules contactCenterDefaults() {
		AccessRules rules = new AccessRules();
		AccessDecision full = AccessDecision.allow(Visibility.FULL);
		for (PresentityKind kind : PresentityKind.values()) {
			rules.byDefault(kind, WatcherClass.SELF, full).byDefault(kind, WatcherClass.SERVICE, full);
		}
		for (PresentityKind kind : new PresentityKind[] { PresentityKind.QUEUE, PresentityKind.GROUP,
				PresentityKind.CENTER }) {
			for (WatcherClass watcherClass : new WatcherClass[] { WatcherClass.CUSTOMER, WatcherClass.AGENT,
					WatcherClass.SUPERVISOR }) {
				rules.byDefault(kind, watcherClass, full);
			}
		}
		rules.byDefault(PresentityKind.AGENT, WatcherClass.SUPERVISOR, full);
		rules.byDefault(PresentityKind.AGENT, WatcherClass.AGENT, AccessDecision.allow(Visibility.BASIC_ONLY));
		return rules;
	}

	public AccessRules forWatcher(PresentityId presentity, Watcher watcher, AccessDecision decision) {
		byWatcher.computeIfAbsent(presentity, p -> new ConcurrentHashMap<>()).put(watcher.uri(), decision);
		return this;
	}

	public AccessRules forClass(PresentityId presentity, WatcherClass watcherClass, AccessDecision decision) {
		byClass.computeIfAbsent(presentity, p -> new ConcurrentHashMap<>()).put(watcherClass, decision);
		return this;
	}

	public AccessRules byDefault(PresentityKind kind, WatcherClass watcherClass, AccessDecision decision) {
		defaults.computeIfAbsent(kind, k -> new ConcurrentHashMap<>(new EnumMap<>(WatcherClass.class)))
			.put(watcherClass, decision);
		return this;
	}

	/** Drops every rule of one presentity (its principal's account was closed, say). */
	public void clear(PresentityId presentity) {
		byWatcher.remove(presentity);
		byClass.remove(presentity);
	}

	@Override
	public Optional<AccessDecision> decide(PresentityId presentity, Watcher watcher) {
		AccessDecision decision = lookup(byWatcher.get(presentity), watcher.uri());
		decision = combine(decision, lookup(byClass.get(presentity), watcher.watcherClass()));
		decision = combine(decision, lookup(defaults.get(presentity.kind()), watcher.watcherClass()));
		return Optional.ofNullable(decision);
	}

	@Override
	public void remember(PresentityId presentity, Watcher watcher, AccessDecision decision) {
		forWatcher(presentity, watcher, decision);
	}

	private static <K> AccessDecision lookup(Map<K, AccessDecision> map, K key) {
		return map == null ? null : map.get(key);
	}

	private static AccessDecision combine(AccessDecision a, AccessDecision b) {
		return a == null ? b : a.combine(b);
	}
}

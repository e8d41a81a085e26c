package dev.parley.presence;

import java.util.Optional;
import java.util.UUID;

/**
 * Parley's access rules: a customer's own stored choices decide who watches the customer; a customer
 * watches an agent only after an interaction with them (or an invitation from them) and is refused
 * otherwise, so they cannot tell the agent exists; queues, groups, the center and staff watching staff
 * follow {@link AccessRules#contactCenterDefaults()}.
 */
public class ParleyAccessPolicy implements AccessPolicy {

	private static final AccessDecision REFUSED = new AccessDecision(SubHandling.BLOCK, Visibility.NOTHING);

	private final AccessRules defaults = AccessRules.contactCenterDefaults();

	private final PrivacyRuleSource rules;

	private final CustomerRelations relations;

	public ParleyAccessPolicy(PrivacyRuleSource rules, CustomerRelations relations) {
		this.rules = rules;
		this.relations = relations;
	}

	@Override
	public Optional<AccessDecision> decide(PresentityId presentity, Watcher watcher) {
		WatcherClass watcherClass = watcher.watcherClass();
		if (watcherClass == WatcherClass.SELF || watcherClass == WatcherClass.SERVICE) {
			return Optional.of(AccessDecision.allow(Visibility.FULL));
		}
		if (presentity.kind() == PresentityKind.CUSTOMER) {
			return account(presentity.key()).map(principal -> rules.rules(principal).decide(watcher))
				.orElse(Optional.of(REFUSED));
		}
		if (presentity.kind() == PresentityKind.AGENT && watcherClass == WatcherClass.CUSTOMER) {
			return Optional.of(knows(watcher, presentity) ? AccessDecision.allow(Visibility.FULL) : REFUSED);
		}
		return defaults.decide(presentity, watcher);
	}

	@Override
	public void remember(PresentityId presentity, Watcher watcher, AccessDecision decision) {
		if (presentity.kind() == PresentityKind.CUSTOMER) {
			account(presentity.key()).ifPresent(p -> rules.remember(p, new WatcherRule(watcher.uri(), decision)));
		}
	}

	private boolean knows(Watcher customer, PresentityId agent) {
		Optional<UUID> c = accountOfWatcher(customer);
		Optional<UUID> a = account(agent.key());
		return c.isPresent() && a.isPresent()
				&& (relations.interacted(c.get(), a.get()) || relations.invitedBy(c.get(), a.get()));
	}

	public static Optional<UUID> accountOfWatcher(Watcher watcher) {
		return watcher.uri().startsWith("urn:uuid:") ? account(watcher.uri().substring(9)) : Optional.empty();
	}

	public static Optional<UUID> account(String key) {
		try {
			return Optional.of(UUID.fromString(key));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}

package dev.parley.presence;

import java.time.Clock;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.common.ConflictException;
import dev.parley.common.NotFoundException;
import dev.parley.common.Violations;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.presence.internal.RuleCache;

/**
 * A customer's watcher information and access choices (RFC 3857 and RFC 5025 in miniature): who watches
 * and who asks to, approve and deny, rules per class of watcher and per watcher. Rules are stored, and
 * every change applies to the live subscriptions at once.
 */
@Service
public class PresencePrivacy {

	/** One class rule or watcher rule as typed by a person or a program, checked here. */
	public record RuleInput(String handling, String visibility) {
	}

	public record WatcherRuleInput(String watcher, String handling, String visibility) {
	}

	private final RuleCache rules;
	private final Presence presence;
	private final Presentities presentities;
	private final IdentityManagement identity;
	private final Clock clock;

	PresencePrivacy(RuleCache rules, Presence presence, Presentities presentities, IdentityManagement identity,
			Optional<Clock> clock) {
		this.rules = rules;
		this.presence = presence;
		this.presentities = presentities;
		this.identity = identity;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public PrivacyRules rules(UUID customer) {
		return rules.rules(customer);
	}

	/** Replaces the class rules and, when {@code watchers} is given, every per-watcher rule. */
	@Transactional
	public PrivacyRules updateRules(UUID customer, Map<String, RuleInput> groups, List<WatcherRuleInput> watchers,
			Long version) {
		Violations v = new Violations().check(version == null, "version", "required", "must be given");
		Map<WatcherGroup, AccessDecision> parsed = groups(groups, v);
		List<WatcherRule> parsedWatchers = watchers == null ? null : watcherRules(watchers, v);
		v.throwIfAny();
		if (!rules.store().saveGroups(customer, parsed, version, clock.instant())) {
			throw ConflictException.stale("Your presence rules");
		}
		if (parsedWatchers != null) {
			rules.store().replaceWatchers(customer, parsedWatchers, clock.instant());
		}
		return applied(customer);
	}

	/** Sets (or with handling "default", removes) the rule for one watcher. */
	@Transactional
	public PrivacyRules setWatcherRule(UUID customer, String watcher, String handling, String visibility) {
		Violations v = new Violations();
		String uri = watcherUri(watcher, "watcher", v);
		if ("default".equals(handling)) {
			v.throwIfAny();
			rules.store().deleteWatcher(customer, uri);
			return applied(customer);
		}
		AccessDecision decision = RuleTokens.decision(handling, visibility, "rule", v);
		v.throwIfAny();
		rules.store().saveWatcher(customer, new WatcherRule(uri, decision), clock.instant());
		return applied(customer);
	}

	/** Who watches the customer or asks to; their own tabs and devices are not listed. */
	public List<WatcherEntry> watchers(UUID customer) {
		PresentityId me = own(customer);
		PrivacyRules current = rules.rules(customer);
		return presence.watchers(me).stream().filter(info -> info.watcher().watcherClass() != WatcherClass.SELF)
			.map(info -> entry(info, current)).toList();
	}

	public void approve(UUID customer, String subscription) {
		presence.approve(own(customer), subscriptionId(subscription));
		rules.evict(customer);
	}

	public void deny(UUID customer, String subscription) {
		presence.deny(own(customer), subscriptionId(subscription));
		rules.evict(customer);
	}

	/** Customers whose agents rule lets agents ask (or who allowed this agent), for the workstation panel. */
	public List<UUID> watchableByAgent(UUID agent, int limit) {
		return rules.store().watchableByAgent(Watcher.account(agent, WatcherClass.AGENT).uri(), limit);
	}

	/**
	 * Whether the customer lets this agent see her now (her rule for the agent, else her rule for agents): not
	 * blocked, politely or not, and shown more than nothing. Read from the table, not from this node's cache of the
	 * rules, so a change she made on another node counts at once. Alerts ask it when a rule on her fires.
	 */
	public boolean letsAgentSee(UUID customer, UUID agent) {
		return rules.store().find(customer).decide(Watcher.account(agent, WatcherClass.AGENT))
			.map(d -> (d.handling() == SubHandling.ALLOW || d.handling() == SubHandling.CONFIRM)
					&& d.visibility() != Visibility.NOTHING)
			.orElse(false);
	}

	private PrivacyRules applied(UUID customer) {
		rules.evict(customer);
		PresentityId me = PresentityId.customer(customer);
		if (presence.exists(me)) {
			presence.reauthorize(me);
		}
		return rules.rules(customer);
	}

	private WatcherEntry entry(WatcherInfo info, PrivacyRules current) {
		Optional<UUID> account = ParleyAccessPolicy.accountOfWatcher(info.watcher());
		String name = account.flatMap(a -> identity.find(new AccountId(a))).map(a -> a.displayName())
			.orElse(info.watcher().uri());
		WatcherGroup group = WatcherGroup.of(info.watcher().watcherClass());
		return new WatcherEntry(info, name, group, current.decide(info.watcher()).orElse(null),
				current.forWatcher(info.watcher().uri()).isPresent());
	}

	private PresentityId own(UUID customer) {
		PresentityId me = PresentityId.customer(customer);
		if (!presentities.ensure(me)) {
			throw new NotFoundException("presentity");
		}
		return me;
	}

	private static SubscriptionId subscriptionId(String text) {
		String digits = text != null && text.startsWith("s") ? text.substring(1) : text;
		try {
			return new SubscriptionId(Long.parseLong(digits));
		}
		catch (NumberFormatException | NullPointerException e) {
			throw new NotFoundException("subscription");
		}
	}

	private static Map<WatcherGroup, AccessDecision> groups(Map<String, RuleInput> input, Violations v) {
		Map<WatcherGroup, AccessDecision> map = new EnumMap<>(WatcherGroup.class);
		if (input == null) {
			v.add("groups", "required", "must name agents, supervisors and others");
			return map;
		}
		input.keySet().stream().filter(k -> WatcherGroup.ofToken(k) == null)
			.forEach(k -> v.add("groups." + k, "unknown", "must be agents, supervisors or others"));
		for (WatcherGroup g : WatcherGroup.values()) {
			RuleInput r = input.get(g.token());
			if (r == null) {
				v.add("groups." + g.token(), "required", "must be given");
				continue;
			}
			AccessDecision d = RuleTokens.decision(r.handling(), r.visibility(), "groups." + g.token(), v);
			if (d != null) {
				map.put(g, d);
			}
		}
		return map;
	}

	private static List<WatcherRule> watcherRules(List<WatcherRuleInput> input, Violations v) {
		Set<String> seen = new HashSet<>();
		v.check(input.size() > 200, "watchers", "too-many", "at most 200 watcher rules");
		java.util.ArrayList<WatcherRule> list = new java.util.ArrayList<>();
		for (int i = 0; i < input.size() && i < 200; i++) {
			WatcherRuleInput r = input.get(i);
			String field = "watchers[" + i + "]";
			String uri = watcherUri(r == null ? null : r.watcher(), field + ".watcher", v);
			AccessDecision d = r == null ? null : RuleTokens.decision(r.handling(), r.visibility(), field, v);
			v.check(uri != null && !seen.add(uri), field + ".watcher", "duplicate", "each watcher once");
			if (uri != null && d != null) {
				list.add(new WatcherRule(uri, d));
			}
		}
		return list;
	}

	private static String watcherUri(String watcher, String field, Violations v) {
		try {
			return new Watcher(watcher, WatcherClass.ANONYMOUS).uri();
		}
		catch (RuntimeException e) {
			v.add(field, "invalid", "must be a watcher URI such as urn:uuid:<account>");
			return null;
		}
	}
}

package dev.parley.alerts.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.parley.alerts.AlertKind;
import dev.parley.alerts.AlertRule;
import dev.parley.alerts.AlertSide;

/**
 * Every rule of this node, filed by kind and match key (a queue, a category, an agent's or a customer's id, or
 * {@link AlertRule#ANY}): an event asks for the rules under its keys and touches no other. Reads take no lock (the
 * arrays under a key are replaced, never changed); changes, which are rare, are serialised.
 */
@Component
public class RuleIndex {

	private static final AlertRule[] NONE = {};

	private final Map<AlertKind, Map<String, AlertRule[]>> byKind = new EnumMap<>(AlertKind.class);
	private final Map<UUID, List<AlertRule>> byAccount = new ConcurrentHashMap<>();
	private volatile int size;

	public RuleIndex() {
		for (AlertKind kind : AlertKind.values()) {
			byKind.put(kind, new ConcurrentHashMap<>());
		}
	}

	/** The rules of the kind filed under {@code key}, and under {@link AlertRule#ANY} too. */
	public List<AlertRule> match(AlertKind kind, String key) {
		Map<String, AlertRule[]> rules = byKind.get(kind);
		if (rules.isEmpty()) {
			return List.of();
		}
		AlertRule[] exact = key == null ? NONE : rules.getOrDefault(key, NONE);
		AlertRule[] any = AlertRule.ANY.equals(key) ? NONE : rules.getOrDefault(AlertRule.ANY, NONE);
		if (any.length == 0) {
			return Arrays.asList(exact);
		}
		List<AlertRule> both = new ArrayList<>(exact.length + any.length);
		both.addAll(Arrays.asList(exact));
		both.addAll(Arrays.asList(any));
		return both;
	}

	/** Whether any rule of the kind is held. */
	public boolean has(AlertKind kind) {
		return !byKind.get(kind).isEmpty();
	}

	/** Whether a rule of the kind is filed under the key (not counting rules about anything). */
	public boolean has(AlertKind kind, String key) {
		return byKind.get(kind).containsKey(key);
	}

	public int size() {
		return size;
	}

	/** Files every rule afresh (on start). */
	public synchronized void load(List<AlertRule> rules) {
		byKind.values().forEach(Map::clear);
		byAccount.clear();
		size = 0;
		Map<UUID, List<AlertRule>> grouped = new HashMap<>();
		rules.forEach(r -> grouped.computeIfAbsent(r.account(), a -> new ArrayList<>()).add(r));
		grouped.forEach((account, list) -> replace(account, null, list));
	}

	/** The account's rules of {@code side} (null: all of them) become {@code rules}. */
	public synchronized void replace(UUID account, AlertSide side, List<AlertRule> rules) {
		List<AlertRule> old = byAccount.getOrDefault(account, List.of());
		List<AlertRule> kept = new ArrayList<>();
		for (AlertRule r : old) {
			if (side == null || r.side() == side) {
				remove(r);
			}
			else {
				kept.add(r);
			}
		}
		for (AlertRule r : rules) {
			add(r);
			kept.add(r);
		}
		if (kept.isEmpty()) {
			byAccount.remove(account);
		}
		else {
			byAccount.put(account, List.copyOf(kept));
		}
	}

	private void add(AlertRule r) {
		byKind.get(r.kind()).merge(r.matchKey(), new AlertRule[] { r }, (a, b) -> {
			AlertRule[] more = Arrays.copyOf(a, a.length + 1);
			more[a.length] = r;
			return more;
		});
		size++;
	}

	private void remove(AlertRule r) {
		byKind.get(r.kind()).computeIfPresent(r.matchKey(), (k, a) -> {
			AlertRule[] rest = Arrays.stream(a).filter(x -> !x.id().equals(r.id())).toArray(AlertRule[]::new);
			return rest.length == 0 ? null : rest;
		});
		size--;
	}
}

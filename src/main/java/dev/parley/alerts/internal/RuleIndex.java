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
 * arrays under a key are replaced, never changed); changes, which are rare, are serialised. A reload (on start, and
 * on every node after any rule changed anywhere: {@link RuleResync}) files the rules in a new index and swaps it in
 * whole, so an event matched meanwhile sees the rules before or after it, never a half-filled index.
 */
@Component
public class RuleIndex {

	private static final AlertRule[] NONE = {};

	/** One filing of the rules; the current one is replaced whole by a reload. */
	private static final class Filing {
		final Map<AlertKind, Map<String, AlertRule[]>> byKind = new EnumMap<>(AlertKind.class);
		final Map<UUID, List<AlertRule>> byAccount = new ConcurrentHashMap<>();
		volatile int size;

		Filing() {
			for (AlertKind kind : AlertKind.values()) {
				byKind.put(kind, new ConcurrentHashMap<>());
			}
		}
	}

	private volatile Filing filing = new Filing();

	/** The rules of the kind filed under {@code key}, and under {@link AlertRule#ANY} too. */
	public List<AlertRule> match(AlertKind kind, String key) {
		Map<String, AlertRule[]> rules = filing.byKind.get(kind);
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
		return !filing.byKind.get(kind).isEmpty();
	}

	/** Whether a rule of the kind is filed under the key (not counting rules about anything). */
	public boolean has(AlertKind kind, String key) {
		return filing.byKind.get(kind).containsKey(key);
	}

	public int size() {
		return filing.size;
	}

	/** Files every rule afresh, aside, and then swaps the new filing in (on start, and after other nodes' changes). */
	public synchronized void load(List<AlertRule> rules) {
		Filing fresh = new Filing();
		Map<UUID, List<AlertRule>> grouped = new HashMap<>();
		rules.forEach(r -> grouped.computeIfAbsent(r.account(), a -> new ArrayList<>()).add(r));
		grouped.forEach((account, list) -> replace(fresh, account, null, list));
		filing = fresh;
	}

	/** The account's rules of {@code side} (null: all of them) become {@code rules}. */
	public synchronized void replace(UUID account, AlertSide side, List<AlertRule> rules) {
		replace(filing, account, side, rules);
	}

	private static void replace(Filing f, UUID account, AlertSide side, List<AlertRule> rules) {
		List<AlertRule> old = f.byAccount.getOrDefault(account, List.of());
		List<AlertRule> kept = new ArrayList<>();
		for (AlertRule r : old) {
			if (side == null || r.side() == side) {
				remove(f, r);
			}
			else {
				kept.add(r);
			}
		}
		for (AlertRule r : rules) {
			add(f, r);
			kept.add(r);
		}
		if (kept.isEmpty()) {
			f.byAccount.remove(account);
		}
		else {
			f.byAccount.put(account, List.copyOf(kept));
		}
	}

	private static void add(Filing f, AlertRule r) {
		f.byKind.get(r.kind()).merge(r.matchKey(), new AlertRule[] { r }, (a, b) -> {
			AlertRule[] more = Arrays.copyOf(a, a.length + 1);
			more[a.length] = r;
			return more;
		});
		f.size++;
	}

	private static void remove(Filing f, AlertRule r) {
		f.byKind.get(r.kind()).computeIfPresent(r.matchKey(), (k, a) -> {
			AlertRule[] rest = Arrays.stream(a).filter(x -> !x.id().equals(r.id())).toArray(AlertRule[]::new);
			return rest.length == 0 ? null : rest;
		});
		f.size--;
	}
}

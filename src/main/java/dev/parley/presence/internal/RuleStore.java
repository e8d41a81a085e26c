package dev.parley.presence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.presence.AccessDecision;
import dev.parley.presence.PrivacyRules;
import dev.parley.presence.SubHandling;
import dev.parley.presence.Visibility;
import dev.parley.presence.WatcherGroup;
import dev.parley.presence.WatcherRule;

/** The presence_rule_sets and presence_watcher_rules tables: each principal's stored choices. */
@Repository
public class RuleStore {

	private final JdbcClient jdbc;

	RuleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The principal's rules; the defaults (version 0) when they never chose. */
	public PrivacyRules find(UUID principal) {
		var watchers = jdbc.sql("SELECT * FROM presence_watcher_rules WHERE principal_id = ? ORDER BY watcher_uri")
			.param(principal)
			.query((rs, n) -> new WatcherRule(rs.getString("watcher_uri"), decision(rs, "handling", "visibility")))
			.list();
		return jdbc.sql("SELECT * FROM presence_rule_sets WHERE principal_id = ?").param(principal)
			.query((rs, n) -> new PrivacyRules(groups(rs), watchers, rs.getLong("version")))
			.optional()
			.orElseGet(() -> new PrivacyRules(null, watchers, 0));
	}

	/** Writes the group choices if the stored version is still {@code expected}; false if it moved on. */
	public boolean saveGroups(UUID principal, Map<WatcherGroup, AccessDecision> groups, long expected, Instant now) {
		Object[] values = values(groups);
		if (expected == 0 && !exists(principal)) {
			jdbc.sql("""
					INSERT INTO presence_rule_sets (agents_handling, agents_visibility, supervisors_handling,
					supervisors_visibility, others_handling, others_visibility, version, updated_at, principal_id)
					VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)""")
				.params(values[0], values[1], values[2], values[3], values[4], values[5], Timestamp.from(now), principal)
				.update();
			return true;
		}
		return jdbc.sql("""
				UPDATE presence_rule_sets SET agents_handling = ?, agents_visibility = ?, supervisors_handling = ?,
				supervisors_visibility = ?, others_handling = ?, others_visibility = ?, version = version + 1,
				updated_at = ? WHERE principal_id = ? AND version = ?""")
			.params(values[0], values[1], values[2], values[3], values[4], values[5], Timestamp.from(now), principal,
					expected)
			.update() == 1;
	}

	public void saveWatcher(UUID principal, WatcherRule rule, Instant now) {
		deleteWatcher(principal, rule.watcherUri());
		jdbc.sql("""
				INSERT INTO presence_watcher_rules (principal_id, watcher_uri, handling, visibility, updated_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(principal, rule.watcherUri(), rule.decision().handling().name(),
					rule.decision().visibility().name(), Timestamp.from(now))
			.update();
	}

	public void deleteWatcher(UUID principal, String watcherUri) {
		jdbc.sql("DELETE FROM presence_watcher_rules WHERE principal_id = ? AND watcher_uri = ?")
			.params(principal, watcherUri).update();
	}

	public void replaceWatchers(UUID principal, List<WatcherRule> rules, Instant now) {
		jdbc.sql("DELETE FROM presence_watcher_rules WHERE principal_id = ?").param(principal).update();
		rules.forEach(r -> saveWatcher(principal, r, now));
	}

	/**
	 * Principals who let agents watch them (allow, confirm or polite-block for the agents class), or who
	 * allowed this agent by name; at most {@code limit}, for the agent workstation.
	 */
	public List<UUID> watchableByAgent(String agentUri, int limit) {
		return jdbc.sql("""
				SELECT principal_id FROM presence_rule_sets WHERE agents_handling <> 'BLOCK'
				UNION SELECT principal_id FROM presence_watcher_rules WHERE watcher_uri = ? AND handling <> 'BLOCK'""")
			.param(agentUri).query(UUID.class).list().stream().limit(limit).toList();
	}

	private boolean exists(UUID principal) {
		return jdbc.sql("SELECT COUNT(*) FROM presence_rule_sets WHERE principal_id = ?").param(principal)
			.query(Integer.class).single() > 0;
	}

	private static Object[] values(Map<WatcherGroup, AccessDecision> groups) {
		Object[] v = new Object[6];
		int i = 0;
		for (WatcherGroup g : WatcherGroup.values()) {
			v[i++] = groups.get(g).handling().name();
			v[i++] = groups.get(g).visibility().name();
		}
		return v;
	}

	private static Map<WatcherGroup, AccessDecision> groups(ResultSet rs) throws SQLException {
		Map<WatcherGroup, AccessDecision> map = new EnumMap<>(WatcherGroup.class);
		for (WatcherGroup g : WatcherGroup.values()) {
			map.put(g, decision(rs, g.token() + "_handling", g.token() + "_visibility"));
		}
		return map;
	}

	private static AccessDecision decision(ResultSet rs, String handling, String visibility) throws SQLException {
		return new AccessDecision(SubHandling.valueOf(rs.getString(handling)),
				Visibility.valueOf(rs.getString(visibility)));
	}
}

package dev.parley.agent.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.common.AgentId;
import dev.parley.common.Medium;
import dev.parley.agent.Skill;

/** The agents table with their skills. Display names live with the account, in identity. */
@Repository
public class AgentStore {

	/** An agent's own row: group, media and skills. */
	public record Row(AgentId id, String groupKey, java.util.Map<Medium, Integer> capacities, List<Skill> skills) {
	}

	private final JdbcClient jdbc;

	AgentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Row row) {
		jdbc.sql("INSERT INTO agents (id, group_key) VALUES (?, ?)").params(row.id().value(), row.groupKey()).update();
		// the state row exists from the start, so a state change always updates a locked row (never races to insert)
		jdbc.sql("INSERT INTO agent_states (agent_id, state, reason, since, version) VALUES (?, 'LOGGED_OUT', NULL, ?, 0)")
			.params(row.id().value(), java.sql.Timestamp.from(java.time.Instant.now())).update();
		row.capacities().forEach((medium, capacity) -> jdbc
			.sql("INSERT INTO agent_media (agent_id, medium, capacity) VALUES (?, ?, ?)")
			.params(row.id().value(), medium.name(), capacity).update());
		for (Skill s : row.skills()) {
			jdbc.sql("INSERT INTO agent_skills (agent_id, skill_key, level) VALUES (?, ?, ?)")
				.params(row.id().value(), s.key(), s.level()).update();
		}
	}

	public Optional<Row> find(AgentId id) {
		return jdbc.sql("SELECT id, group_key FROM agents WHERE id = ?").param(id.value())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).optional()
			.map(a -> row(UUID.fromString(a[0]), a[1]));
	}

	public List<Row> all(String groupKey) {
		var spec = groupKey == null ? jdbc.sql("SELECT id, group_key FROM agents")
				: jdbc.sql("SELECT id, group_key FROM agents WHERE group_key = ?").param(groupKey);
		return spec.query((rs, n) -> new String[] { rs.getString("id"), rs.getString("group_key") }).list().stream()
			.map(a -> row(UUID.fromString(a[0]), a[1])).toList();
	}

	public long countInGroup(String groupKey) {
		return jdbc.sql("SELECT COUNT(*) FROM agents WHERE group_key = ?").param(groupKey).query(Long.class).single();
	}

	private Row row(UUID id, String group) {
		var skills = jdbc.sql("SELECT skill_key, level FROM agent_skills WHERE agent_id = ? ORDER BY skill_key")
			.param(id).query((rs, n) -> new Skill(rs.getString(1), rs.getInt(2))).list();
		var capacities = new java.util.EnumMap<Medium, Integer>(Medium.class);
		jdbc.sql("SELECT medium, capacity FROM agent_media WHERE agent_id = ?").param(id)
			.query((java.sql.ResultSet rs) -> {
				capacities.put(Medium.valueOf(rs.getString(1)), rs.getInt(2));
			});
		return new Row(new AgentId(id), group, capacities, skills);
	}
}

package dev.parley.agent.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.agent.AgentId;
import dev.parley.agent.Medium;
import dev.parley.agent.Skill;

/** The agents table with their skills. Display names live with the account, in identity. */
@Repository
public class AgentStore {

	/** An agent's own row: group, media and skills. */
	public record Row(AgentId id, String groupKey, java.util.Set<Medium> media, List<Skill> skills) {
	}

	private final JdbcClient jdbc;

	AgentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Row row) {
		jdbc.sql("INSERT INTO agents (id, group_key, media) VALUES (?, ?, ?)")
			.params(row.id().value(), row.groupKey(), MediaColumn.write(row.media())).update();
		for (Skill s : row.skills()) {
			jdbc.sql("INSERT INTO agent_skills (agent_id, skill_key, level) VALUES (?, ?, ?)")
				.params(row.id().value(), s.key(), s.level()).update();
		}
	}

	public Optional<Row> find(AgentId id) {
		return jdbc.sql("SELECT * FROM agents WHERE id = ?").param(id.value()).query((rs, n) -> row(
				rs.getObject("id", UUID.class), rs.getString("group_key"), rs.getString("media"))).optional();
	}

	public List<Row> all(String groupKey) {
		var spec = groupKey == null ? jdbc.sql("SELECT * FROM agents")
				: jdbc.sql("SELECT * FROM agents WHERE group_key = ?").param(groupKey);
		return spec.query((rs, n) -> new String[] { rs.getString("id"), rs.getString("group_key"),
				rs.getString("media") }).list().stream()
			.map(a -> row(UUID.fromString(a[0]), a[1], a[2])).toList();
	}

	public long countInGroup(String groupKey) {
		return jdbc.sql("SELECT COUNT(*) FROM agents WHERE group_key = ?").param(groupKey).query(Long.class).single();
	}

	private Row row(UUID id, String group, String media) {
		var skills = jdbc.sql("SELECT skill_key, level FROM agent_skills WHERE agent_id = ? ORDER BY skill_key")
			.param(id).query((rs, n) -> new Skill(rs.getString(1), rs.getInt(2))).list();
		return new Row(new AgentId(id), group, MediaColumn.read(media), skills);
	}
}

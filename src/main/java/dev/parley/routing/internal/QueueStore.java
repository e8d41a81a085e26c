package dev.parley.routing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.common.Medium;
import dev.parley.routing.Queue;
import dev.parley.routing.RequiredSkill;
import dev.parley.routing.RoutingStrategy;

/** The queues table with its media, categories and required skills. */
@Repository
public class QueueStore {

	private final JdbcClient jdbc;

	QueueStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Queue> all() {
		return jdbc.sql("SELECT * FROM queues ORDER BY name").query((rs, n) -> row(rs)).list().stream()
			.map(this::complete).toList();
	}

	public Optional<Queue> find(String key) {
		return jdbc.sql("SELECT * FROM queues WHERE queue_key = ?").param(key).query((rs, n) -> row(rs)).optional()
			.map(this::complete);
	}

	public void insert(Queue q) {
		jdbc.sql("""
				INSERT INTO queues (queue_key, name, description, group_key, strategy, priority, offer_timeout_s,
				max_missed_offers, wrap_up_s, service_level_s, is_default, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(q.key(), q.name(), q.description(), q.groupKey(), q.strategy().name(), q.priority(),
					q.offerTimeout().toSeconds(), q.maxMissedOffers(), q.wrapUpLimit().toSeconds(),
					q.serviceLevelTarget().toSeconds(), q.defaultQueue(), q.version())
			.update();
		writeChildren(q);
	}

	/** Replaces the queue if it still has {@code expectedVersion}; false if someone changed it meanwhile. */
	public boolean update(Queue q, long expectedVersion) {
		int rows = jdbc.sql("""
				UPDATE queues SET name = ?, description = ?, group_key = ?, strategy = ?, priority = ?,
				offer_timeout_s = ?, max_missed_offers = ?, wrap_up_s = ?, service_level_s = ?, is_default = ?, version = ?
				WHERE queue_key = ? AND version = ?""")
			.params(q.name(), q.description(), q.groupKey(), q.strategy().name(), q.priority(),
					q.offerTimeout().toSeconds(), q.maxMissedOffers(), q.wrapUpLimit().toSeconds(),
					q.serviceLevelTarget().toSeconds(), q.defaultQueue(), q.version(), q.key(), expectedVersion)
			.update();
		if (rows == 1) {
			for (String table : List.of("queue_media", "queue_categories", "queue_skills")) {
				jdbc.sql("DELETE FROM " + table + " WHERE queue_key = ?").param(q.key()).update();
			}
			writeChildren(q);
		}
		return rows == 1;
	}

	/** Makes every other queue not the default (one default at a time). */
	public void clearDefaultExcept(String key) {
		jdbc.sql("UPDATE queues SET is_default = FALSE, version = version + 1 WHERE is_default AND queue_key <> ?")
			.param(key).update();
	}

	public boolean delete(String key, long expectedVersion) {
		return jdbc.sql("DELETE FROM queues WHERE queue_key = ? AND version = ?").params(key, expectedVersion)
			.update() == 1;
	}

	private void writeChildren(Queue q) {
		for (Medium m : q.media()) {
			jdbc.sql("INSERT INTO queue_media (queue_key, medium) VALUES (?, ?)").params(q.key(), m.name()).update();
		}
		for (String c : q.categories()) {
			jdbc.sql("INSERT INTO queue_categories (queue_key, category_key) VALUES (?, ?)").params(q.key(), c)
				.update();
		}
		for (RequiredSkill s : q.skills()) {
			jdbc.sql("INSERT INTO queue_skills (queue_key, skill_key, min_level) VALUES (?, ?, ?)")
				.params(q.key(), s.key(), s.minLevel()).update();
		}
	}

	private Queue complete(Queue q) {
		Set<Medium> media = EnumSet.noneOf(Medium.class);
		jdbc.sql("SELECT medium FROM queue_media WHERE queue_key = ?").param(q.key())
			.query((rs, n) -> Medium.valueOf(rs.getString(1))).list().forEach(media::add);
		Set<String> categories = new LinkedHashSet<>(jdbc
			.sql("SELECT category_key FROM queue_categories WHERE queue_key = ? ORDER BY category_key").param(q.key())
			.query(String.class).list());
		List<RequiredSkill> skills = jdbc
			.sql("SELECT skill_key, min_level FROM queue_skills WHERE queue_key = ? ORDER BY skill_key").param(q.key())
			.query((rs, n) -> new RequiredSkill(rs.getString(1), rs.getInt(2))).list();
		return new Queue(q.key(), q.name(), q.description(), q.groupKey(), media, categories, skills, q.strategy(),
				q.priority(), q.offerTimeout(), q.maxMissedOffers(), q.wrapUpLimit(), q.serviceLevelTarget(),
				q.defaultQueue(), q.version());
	}

	private static Queue row(ResultSet rs) throws SQLException {
		return new Queue(rs.getString("queue_key"), rs.getString("name"), rs.getString("description"),
				rs.getString("group_key"), Set.of(), Set.of(), List.of(), RoutingStrategy.valueOf(rs.getString("strategy")),
				rs.getInt("priority"), Duration.ofSeconds(rs.getInt("offer_timeout_s")), rs.getInt("max_missed_offers"),
				Duration.ofSeconds(rs.getInt("wrap_up_s")), Duration.ofSeconds(rs.getInt("service_level_s")),
				rs.getBoolean("is_default"), rs.getLong("version"));
	}
}

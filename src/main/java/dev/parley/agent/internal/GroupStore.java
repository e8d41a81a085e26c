package dev.parley.agent.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.agent.AgentGroup;
import dev.parley.agent.Closure;
import dev.parley.agent.OpeningHours;
import dev.parley.agent.WeeklySchedule;

/** The agent_groups table with its opening hours and closures. */
@Repository
public class GroupStore {

	private final JdbcClient jdbc;
	private final MediaRows media;

	GroupStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.media = new MediaRows(jdbc, "agent_group_media", "group_key");
	}

	/** In one read transaction: each row's hours and closures are read while the row is, on the same connection. */
	@Transactional(readOnly = true)
	public List<AgentGroup> all() {
		return jdbc.sql("SELECT * FROM agent_groups ORDER BY name").query((rs, n) -> group(rs)).list();
	}

	@Transactional(readOnly = true)
	public Optional<AgentGroup> find(String key) {
		return jdbc.sql("SELECT * FROM agent_groups WHERE group_key = ?").param(key).query((rs, n) -> group(rs))
			.optional();
	}

	public void insert(AgentGroup g) {
		jdbc.sql("""
				INSERT INTO agent_groups (group_key, name, description, time_zone, version)
				VALUES (?, ?, ?, ?, ?)""")
			.params(g.key(), g.name(), g.description(), g.schedule().zone().getId(), g.version())
			.update();
		media.replace(g.key(), g.media());
		writeSchedule(g.key(), g.schedule());
	}

	/** Replaces the group's fields and schedule if it still has {@code expectedVersion}; false if it moved on. */
	public boolean update(AgentGroup g, long expectedVersion) {
		int rows = jdbc.sql("""
				UPDATE agent_groups SET name = ?, description = ?, time_zone = ?, version = ?
				WHERE group_key = ? AND version = ?""")
			.params(g.name(), g.description(), g.schedule().zone().getId(), g.version(), g.key(), expectedVersion)
			.update();
		if (rows == 1) {
			media.replace(g.key(), g.media());
			jdbc.sql("DELETE FROM group_opening_hours WHERE group_key = ?").param(g.key()).update();
			jdbc.sql("DELETE FROM group_closures WHERE group_key = ?").param(g.key()).update();
			writeSchedule(g.key(), g.schedule());
		}
		return rows == 1;
	}

	public boolean delete(String key, long expectedVersion) {
		return jdbc.sql("DELETE FROM agent_groups WHERE group_key = ? AND version = ?").params(key, expectedVersion)
			.update() == 1;
	}

	private void writeSchedule(String key, WeeklySchedule schedule) {
		for (OpeningHours h : schedule.hours()) {
			jdbc.sql("INSERT INTO group_opening_hours (group_key, day_of_week, opens_at, closes_at) VALUES (?, ?, ?, ?)")
				.params(key, h.dayOfWeek().getValue(), h.open(), h.close()).update();
		}
		for (Closure c : schedule.closures()) {
			jdbc.sql("INSERT INTO group_closures (group_key, closed_on, note) VALUES (?, ?, ?)")
				.params(key, c.date(), c.note()).update();
		}
	}

	private AgentGroup group(ResultSet rs) throws SQLException {
		String key = rs.getString("group_key");
		var hours = jdbc.sql("SELECT * FROM group_opening_hours WHERE group_key = ?").param(key)
			.query((r, n) -> new OpeningHours(DayOfWeek.of(r.getInt("day_of_week")),
					r.getObject("opens_at", LocalTime.class), r.getObject("closes_at", LocalTime.class)))
			.list();
		var closures = jdbc.sql("SELECT * FROM group_closures WHERE group_key = ?").param(key)
			.query((r, n) -> new Closure(r.getObject("closed_on", LocalDate.class), r.getString("note"))).list();
		var schedule = new WeeklySchedule(ZoneId.of(rs.getString("time_zone")), hours, closures);
		return new AgentGroup(key, rs.getString("name"), rs.getString("description"),
				media.read(key), schedule, rs.getLong("version"));
	}
}

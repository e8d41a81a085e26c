package dev.parley.presence.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.presence.Activity;
import dev.parley.presence.BasicStatus;
import dev.parley.presence.StatusChoice;

/** The presence_choices table: the status, activities and note a person set explicitly. */
@Repository
public class ChoiceStore {

	private final JdbcClient jdbc;

	ChoiceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<StatusChoice> find(UUID principal) {
		return jdbc.sql("SELECT status, activities, note FROM presence_choices WHERE principal_id = ?")
			.param(principal)
			.query((rs, n) -> new StatusChoice(BasicStatus.valueOf(rs.getString("status")),
					activities(rs.getString("activities")), rs.getString("note")))
			.optional();
	}

	public void save(UUID principal, StatusChoice choice, Instant now) {
		jdbc.sql("DELETE FROM presence_choices WHERE principal_id = ?").param(principal).update();
		jdbc.sql("INSERT INTO presence_choices (principal_id, status, activities, note, updated_at) VALUES (?, ?, ?, ?, ?)")
			.params(principal, choice.status().name(),
					choice.activities().stream().map(Activity::name).sorted().collect(Collectors.joining(",")),
					choice.note(), Timestamp.from(now))
			.update();
	}

	private static Set<Activity> activities(String column) {
		if (column == null || column.isBlank()) {
			return Set.of();
		}
		return EnumSet.copyOf(Arrays.stream(column.split(",")).map(Activity::valueOf).toList());
	}
}

package dev.parley.agent.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.common.Medium;

/** A set of media as rows of a child table ({@code agent_group_media}, {@code agent_media}), one per medium. */
final class MediaRows {

	private final JdbcClient jdbc;
	private final String table;
	private final String keyColumn;

	MediaRows(JdbcClient jdbc, String table, String keyColumn) {
		this.jdbc = jdbc;
		this.table = table;
		this.keyColumn = keyColumn;
	}

	Set<Medium> read(Object key) {
		Set<Medium> media = EnumSet.noneOf(Medium.class);
		jdbc.sql("SELECT medium FROM " + table + " WHERE " + keyColumn + " = ?").param(key)
			.query((rs, n) -> Medium.valueOf(rs.getString(1))).list().forEach(media::add);
		return media;
	}

	void replace(Object key, Collection<Medium> media) {
		jdbc.sql("DELETE FROM " + table + " WHERE " + keyColumn + " = ?").param(key).update();
		for (Medium m : media) {
			jdbc.sql("INSERT INTO " + table + " (" + keyColumn + ", medium) VALUES (?, ?)").params(key, m.name())
				.update();
		}
	}
}

package dev.parley.status.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.status.StatusSample;

/** The status history's table: one row per queue and sample time; the first node to write a time wins it. */
@Repository
public class SampleStore {

	private final JdbcClient jdbc;

	SampleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes the sample unless one for the same time and queue is there already (another node took it); true if written. */
	public boolean insert(StatusSample s) {
		try {
			return jdbc.sql("""
					INSERT INTO status_samples (sampled_at, queue_key, contacts_waiting, agents_available, estimated_wait_s,
					    answered, answered_wait_s)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(Timestamp.from(s.at()), s.queue(), s.contactsWaiting(), s.agentsAvailable(),
						s.estimatedWaitSeconds(), s.answered(), s.answeredWaitSeconds())
				.update() == 1;
		}
		catch (DuplicateKeyException taken) {
			return false;
		}
	}

	/** Every sample taken at or after {@code from}, oldest first. */
	public List<StatusSample> since(Instant from) {
		return jdbc.sql("SELECT * FROM status_samples WHERE sampled_at >= ? ORDER BY sampled_at, queue_key")
			.param(Timestamp.from(from))
			.query((rs, n) -> new StatusSample(rs.getTimestamp("sampled_at").toInstant(), rs.getString("queue_key"),
					rs.getInt("contacts_waiting"), rs.getInt("agents_available"),
					(Long) rs.getObject("estimated_wait_s", Long.class), rs.getInt("answered"),
					(Double) rs.getObject("answered_wait_s", Double.class)))
			.list();
	}

	/** Drops samples older than {@code before}; how many went. */
	public int deleteBefore(Instant before) {
		return jdbc.sql("DELETE FROM status_samples WHERE sampled_at < ?").param(Timestamp.from(before)).update();
	}
}

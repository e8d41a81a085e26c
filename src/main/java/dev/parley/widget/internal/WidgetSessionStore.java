package dev.parley.widget.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.common.CustomerId;
import dev.parley.routing.InteractionId;
import dev.parley.widget.WidgetSession;

/** Widget sessions by the SHA-256 of their token. */
@Repository
public class WidgetSessionStore {

	private final JdbcClient jdbc;

	WidgetSessionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(String tokenHash, WidgetSession session, String origin, Instant now) {
		jdbc.sql("""
				INSERT INTO widget_sessions (token_hash, customer_id, interaction_id, origin, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(tokenHash, session.customer().value(), session.interaction().value(), origin, Timestamp.from(now),
					Timestamp.from(session.expiresAt()))
			.update();
	}

	public Optional<WidgetSession> find(String tokenHash, Instant now) {
		return jdbc.sql("""
				SELECT customer_id, interaction_id, expires_at FROM widget_sessions
				WHERE token_hash = ? AND expires_at > ?""")
			.params(tokenHash, Timestamp.from(now))
			.query((rs, n) -> new WidgetSession(null, new CustomerId(rs.getObject(1, UUID.class)),
					new InteractionId(rs.getObject(2, UUID.class)), rs.getTimestamp(3).toInstant()))
			.optional();
	}

	public int deleteExpired(Instant now) {
		return jdbc.sql("DELETE FROM widget_sessions WHERE expires_at <= ?").param(Timestamp.from(now)).update();
	}
}

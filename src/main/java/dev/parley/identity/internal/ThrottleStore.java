package dev.parley.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.identity.SignInLock;
import dev.parley.identity.SignInLock.Scope;

/**
 * The sign_in_throttle table, shared by every node. Each statement decides on its own (no read-then-write across
 * statements): a failure raises the count in one UPDATE, a lock only ever moves later. Call it outside a
 * transaction: an insert that loses a race to another node's insert then simply counts with an UPDATE.
 */
@Repository
public class ThrottleStore {

	/** One counted key; an absent part is the empty string. */
	public record Key(Scope scope, String usernameKey, String source) {
	}

	private final JdbcClient jdbc;

	ThrottleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What a check needs of some keys: their latest lock in force, and whether an account's failures are counted. */
	public record State(Instant lockedUntil, boolean accountCounted) {
	}

	/** The latest lock of these keys in force at {@code now}, and whether any key of an account has a count. */
	public State read(List<Key> keys, Instant now) {
		var where = new StringBuilder();
		List<Object> params = new ArrayList<>();
		params.add(Timestamp.from(now));
		for (Key k : keys) {
			where.append(where.isEmpty() ? "" : " OR ").append("(scope = ? AND username_key = ? AND source = ?)");
			params.add(k.scope().name());
			params.add(k.usernameKey());
			params.add(k.source());
		}
		return jdbc.sql("SELECT MAX(CASE WHEN locked_until > ? THEN locked_until END) AS until, "
				+ "SUM(CASE WHEN scope <> 'SOURCE' THEN 1 ELSE 0 END) AS counted FROM sign_in_throttle WHERE " + where)
			.params(params).query((rs, n) -> {
				Timestamp until = rs.getTimestamp("until");
				return new State(until == null ? null : until.toInstant(), rs.getLong("counted") > 0);
			}).single();
	}

	/**
	 * Counts one failure and answers the key's count afterwards: the count starts again at 1 when the key's window
	 * (from its first counted failure) ended before {@code windowStart}.
	 */
	public int fail(Key k, Instant now, Instant windowStart) {
		if (raise(k, now, windowStart) == 0) {
			try {
				jdbc.sql("""
						INSERT INTO sign_in_throttle (scope, username_key, source, failures, window_started_at, last_failure_at)
						VALUES (?, ?, ?, 1, ?, ?)""")
					.params(k.scope().name(), k.usernameKey(), k.source(), Timestamp.from(now), Timestamp.from(now))
					.update();
			}
			catch (DuplicateKeyException e) {
				raise(k, now, windowStart); // another node inserted it first
			}
		}
		return jdbc.sql("SELECT failures FROM sign_in_throttle WHERE scope = ? AND username_key = ? AND source = ?")
			.params(k.scope().name(), k.usernameKey(), k.source()).query(Integer.class).optional().orElse(1);
	}

	private int raise(Key k, Instant now, Instant windowStart) {
		Timestamp start = Timestamp.from(windowStart);
		Timestamp at = Timestamp.from(now);
		return jdbc.sql("""
				UPDATE sign_in_throttle SET
				failures = CASE WHEN window_started_at < ? THEN 1 ELSE failures + 1 END,
				window_started_at = CASE WHEN window_started_at < ? THEN ? ELSE window_started_at END,
				last_failure_at = ?
				WHERE scope = ? AND username_key = ? AND source = ?""")
			.params(start, start, at, at, k.scope().name(), k.usernameKey(), k.source()).update();
	}

	/** Locks the key until {@code until}, unless it is locked longer already. */
	public void lock(Key k, Instant until) {
		Timestamp t = Timestamp.from(until);
		jdbc.sql("""
				UPDATE sign_in_throttle SET locked_until = ?
				WHERE scope = ? AND username_key = ? AND source = ? AND (locked_until IS NULL OR locked_until < ?)""")
			.params(t, k.scope().name(), k.usernameKey(), k.source(), t).update();
	}

	/** Forgets the key's count and lock; whether there was one. */
	public boolean clear(Key k) {
		return jdbc.sql("DELETE FROM sign_in_throttle WHERE scope = ? AND username_key = ? AND source = ?")
			.params(k.scope().name(), k.usernameKey(), k.source()).update() > 0;
	}

	/** Every key locked at {@code now}, the longest lock first. */
	public List<SignInLock> locked(Instant now) {
		return jdbc.sql("""
				SELECT scope, username_key, source, failures, last_failure_at, locked_until FROM sign_in_throttle
				WHERE locked_until > ? ORDER BY locked_until DESC, scope, username_key, source""")
			.param(Timestamp.from(now)).query((rs, n) -> lock(rs)).list();
	}

	/** Forgets keys without a lock in force whose last failure is older than {@code before}. */
	public int purge(Instant before, Instant now) {
		return jdbc.sql("DELETE FROM sign_in_throttle WHERE last_failure_at < ? AND (locked_until IS NULL OR locked_until <= ?)")
			.params(Timestamp.from(before), Timestamp.from(now)).update();
	}

	private static SignInLock lock(ResultSet rs) throws SQLException {
		Timestamp until = rs.getTimestamp("locked_until");
		return new SignInLock(Scope.valueOf(rs.getString("scope")), rs.getString("username_key"), rs.getString("source"),
				rs.getInt("failures"), rs.getTimestamp("last_failure_at").toInstant(), until == null ? null : until.toInstant());
	}
}

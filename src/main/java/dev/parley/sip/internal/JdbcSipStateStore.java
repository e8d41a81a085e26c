package dev.parley.sip.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.sip.SipDialogState;

/**
 * {@link SipStateStore} on the tables {@code sip_subscriptions} and {@code sip_publications}. Every write goes
 * through one writer thread ({@link WriteBehind}) that commits whatever has queued up in one transaction (group
 * commit): a new subscription's and a refresh's callback runs after its commit; CSeq reservations, ends and
 * publication changes (coalesced) ride along. Reads wait for the writes asked for before them.
 */
@Repository
@ConditionalOnProperty(prefix = "parley.sip", name = "enabled", havingValue = "true", matchIfMissing = true)
public class JdbcSipStateStore implements SipStateStore, AutoCloseable {

	static final String INSERT = """
			INSERT INTO sip_subscriptions (dialog_key, call_id, local_tag, local_uri, remote_tag, remote_uri,
			remote_target, route_set, transport, cseq_reserved, event_package, event_id, account_id, watcher_uri,
			watcher_class, presentity, expires_at, last_state, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	static final String UPDATE = """
			UPDATE sip_subscriptions SET cseq_reserved = ?, expires_at = ?, last_state = ? WHERE dialog_key = ?""";

	static final String DELETE = "DELETE FROM sip_subscriptions WHERE dialog_key = ?";

	private final JdbcTemplate jdbc;

	private final WriteBehind writer;

	JdbcSipStateStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.writer = new WriteBehind(jdbc, new TransactionTemplate(transactions));
	}

	@Override
	public void create(StoredSubscription subscription, Consumer<Boolean> stored) {
		writer.insert(subscription, stored);
	}

	@Override
	public void update(StoredSubscription subscription) {
		writer.update(subscription);
	}

	@Override
	public void refresh(StoredSubscription subscription, Consumer<Boolean> stored) {
		writer.refresh(subscription, stored);
	}

	@Override
	public void delete(String dialogKey) {
		writer.delete(dialogKey);
	}

	@Override
	public void savePublication(StoredPublication p, String replaces) {
		writer.savePublication(p, replaces);
	}

	@Override
	public void deletePublication(String etag) {
		writer.deletePublication(etag);
	}

	@Override
	public List<StoredSubscription> subscriptions() {
		writer.flush();
		return jdbc.query("SELECT * FROM sip_subscriptions ORDER BY created_at", (rs, n) -> subscription(rs));
	}

	@Override
	public List<StoredPublication> publications() {
		writer.flush();
		return jdbc.query("SELECT * FROM sip_publications ORDER BY updated_at", (rs, n) -> new StoredPublication(rs.getString("etag"),
				rs.getString("presentity"), rs.getString("pidf"), rs.getTimestamp("expires_at").toInstant()));
	}

	@Override
	public void flush() {
		writer.flush();
	}

	@Override
	public void close() {
		writer.close();
	}

	static Object[] insertValues(StoredSubscription s, Instant now) {
		SipDialogState d = s.dialog();
		return new Object[] { s.key(), d.callId(), d.localTag(), d.localUri(), d.remoteTag(), d.remoteUri(),
				d.remoteTarget(), String.join("\n", d.routeSet()), d.transport(), s.cseqReserved(), s.eventPackage(),
				s.eventId(), s.account(), s.watcherUri(), s.watcherClass(), s.presentity(),
				Timestamp.from(s.expiresAt()), s.state(), Timestamp.from(now) };
	}

	static Object[] updateValues(StoredSubscription s) {
		return new Object[] { s.cseqReserved(), Timestamp.from(s.expiresAt()), s.state(), s.key() };
	}

	private static StoredSubscription subscription(ResultSet rs) throws SQLException {
		String routes = rs.getString("route_set");
		SipDialogState dialog = new SipDialogState(rs.getString("call_id"), rs.getString("local_tag"),
				rs.getString("local_uri"), rs.getString("remote_tag"), rs.getString("remote_uri"),
				rs.getString("remote_target"), routes.isEmpty() ? List.of() : Arrays.asList(routes.split("\n")),
				rs.getString("transport"), rs.getLong("cseq_reserved"));
		return new StoredSubscription(dialog, rs.getLong("cseq_reserved"), rs.getString("event_package"),
				rs.getString("event_id"), rs.getObject("account_id", UUID.class), rs.getString("watcher_uri"),
				rs.getString("watcher_class"), rs.getString("presentity"), rs.getTimestamp("expires_at").toInstant(),
				rs.getString("last_state"));
	}
}

package dev.parley.alerts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.alerts.Alert;
import dev.parley.alerts.AlertId;
import dev.parley.alerts.AlertKind;
import dev.parley.alerts.AlertRule;
import dev.parley.alerts.AlertRuleId;
import dev.parley.alerts.AlertSide;
import dev.parley.common.Databases;

/**
 * The alert_rules and alerts tables. An alert is inserted under an id derived from its rule and event, so a second
 * insert of it (an event delivered again) changes nothing; dismissing is one conditional UPDATE of the owner's row.
 * On PostgreSQL the second insert is skipped by {@code ON CONFLICT DO NOTHING}: a failed statement there aborts its
 * whole transaction, so a redelivered event whose first delivery stored some of its alerts would fail on the first of
 * them, and again on every redelivery, and its other alerts would never be stored. H2 goes on after a failed
 * statement, so there the duplicate key is caught.
 */
@Repository
public class AlertStore {

	private final JdbcClient jdbc;
	private final boolean postgres;

	AlertStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.postgres = Databases.isPostgres(dataSource);
	}

	public List<AlertRule> rules(UUID account, AlertSide side) {
		return jdbc.sql("SELECT * FROM alert_rules WHERE account_id = ? AND side = ? ORDER BY created_at, id")
			.params(account, side.name()).query((rs, n) -> rule(rs)).list();
	}

	public List<AlertRule> allRules() {
		return jdbc.sql("SELECT * FROM alert_rules").query((rs, n) -> rule(rs)).list();
	}

	/** Replaces the account's rules of one side with {@code rules}. */
	public void replaceRules(UUID account, AlertSide side, List<AlertRule> rules) {
		jdbc.sql("DELETE FROM alert_rules WHERE account_id = ? AND side = ?").params(account, side.name()).update();
		for (AlertRule r : rules) {
			jdbc.sql("""
					INSERT INTO alert_rules (id, account_id, side, kind, subject, match_key, position, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(r.id().value(), r.account(), r.side().name(), r.kind().name(), r.subject(), r.matchKey(),
						r.position(), Timestamp.from(r.createdAt()))
				.update();
		}
	}

	/** Stores the alert; false when it is stored already (the same rule and event). */
	public boolean insert(Alert a) {
		String insert = """
				INSERT INTO alerts (id, account_id, rule_id, kind, subject, subject_name, detail, raised_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
		try {
			return jdbc.sql(postgres ? insert + " ON CONFLICT (id) DO NOTHING" : insert)
				.params(a.id().value(), a.account(), a.rule().value(), a.kind().name(), a.subject(),
						cut(a.subjectName()), cut(a.detail()), Timestamp.from(a.raisedAt()))
				.update() == 1;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	/** The account's alerts not dismissed, newest first. */
	public List<Alert> inbox(UUID account, int limit) {
		return jdbc.sql("""
				SELECT * FROM alerts WHERE account_id = ? AND dismissed_at IS NULL ORDER BY raised_at DESC, id LIMIT ?""")
			.params(account, limit).query((rs, n) -> alert(rs)).list();
	}

	public int unread(UUID account) {
		return jdbc.sql("SELECT COUNT(*) FROM alerts WHERE account_id = ? AND dismissed_at IS NULL").param(account)
			.query(Integer.class).single();
	}

	public Optional<Alert> find(UUID account, AlertId id) {
		return jdbc.sql("SELECT * FROM alerts WHERE id = ? AND account_id = ?").params(id.value(), account)
			.query((rs, n) -> alert(rs)).optional();
	}

	/** In the inbox -> dismissed; false when it is not the account's, or was dismissed already. */
	public boolean dismiss(UUID account, AlertId id, Instant now) {
		return jdbc.sql("UPDATE alerts SET dismissed_at = ? WHERE id = ? AND account_id = ? AND dismissed_at IS NULL")
			.params(Timestamp.from(now), id.value(), account).update() == 1;
	}

	/**
	 * Deletes at most {@code limit} alerts raised before {@code raisedBefore} or dismissed before
	 * {@code dismissedBefore}; answers how many this call deleted (another node may have taken some first).
	 */
	public int prune(Instant raisedBefore, Instant dismissedBefore, int limit) {
		int old = jdbc.sql("DELETE FROM alerts WHERE id IN (SELECT id FROM alerts WHERE raised_at < ? LIMIT ?)")
			.params(Timestamp.from(raisedBefore), limit).update();
		if (old == limit) {
			return old;
		}
		return old + jdbc.sql("DELETE FROM alerts WHERE id IN (SELECT id FROM alerts WHERE dismissed_at < ? LIMIT ?)")
			.params(Timestamp.from(dismissedBefore), limit - old).update();
	}

	private static String cut(String s) {
		return s == null || s.length() <= 200 ? s : s.substring(0, 200);
	}

	private static AlertRule rule(ResultSet rs) throws SQLException {
		int position = rs.getInt("position");
		return new AlertRule(new AlertRuleId(rs.getObject("id", UUID.class)), rs.getObject("account_id", UUID.class),
				AlertKind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("match_key"),
				rs.wasNull() ? null : position, rs.getTimestamp("created_at").toInstant());
	}

	private static Alert alert(ResultSet rs) throws SQLException {
		Timestamp dismissed = rs.getTimestamp("dismissed_at");
		return new Alert(new AlertId(rs.getObject("id", UUID.class)), rs.getObject("account_id", UUID.class),
				new AlertRuleId(rs.getObject("rule_id", UUID.class)), AlertKind.valueOf(rs.getString("kind")),
				rs.getString("subject"), rs.getString("subject_name"), rs.getString("detail"),
				rs.getTimestamp("raised_at").toInstant(), dismissed == null ? null : dismissed.toInstant());
	}
}

package dev.parley.reports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.reports.ContactFact;
import dev.parley.reports.Dimension;
import dev.parley.reports.ReportQuery;
import dev.parley.reports.ReportRow;

/** The contact facts table: written once per contact, read by indexed GROUP BYs that run alike on H2 and PostgreSQL. */
@Repository
public class FactStore {

	private static final String FIGURES = """
			COUNT(*) AS offered,
			SUM(CASE WHEN abandoned THEN 0 ELSE 1 END) AS answered,
			SUM(CASE WHEN abandoned THEN 1 ELSE 0 END) AS abandoned,
			SUM(CASE WHEN in_target THEN 1 ELSE 0 END) AS in_target,
			AVG(CAST(wait_s AS DOUBLE PRECISION)) AS avg_wait,
			MAX(wait_s) AS max_wait,
			AVG(CAST(handle_s AS DOUBLE PRECISION)) AS avg_handle,
			SUM(CASE WHEN wait_s < 20 THEN 1 ELSE 0 END) AS w0,
			SUM(CASE WHEN wait_s >= 20 AND wait_s < 60 THEN 1 ELSE 0 END) AS w1,
			SUM(CASE WHEN wait_s >= 60 AND wait_s < 180 THEN 1 ELSE 0 END) AS w2,
			SUM(CASE WHEN wait_s >= 180 AND wait_s < 600 THEN 1 ELSE 0 END) AS w3,
			SUM(CASE WHEN wait_s >= 600 THEN 1 ELSE 0 END) AS w4,
			SUM(CASE WHEN handle_s < 60 THEN 1 ELSE 0 END) AS h0,
			SUM(CASE WHEN handle_s >= 60 AND handle_s < 300 THEN 1 ELSE 0 END) AS h1,
			SUM(CASE WHEN handle_s >= 300 AND handle_s < 900 THEN 1 ELSE 0 END) AS h2,
			SUM(CASE WHEN handle_s >= 900 AND handle_s < 1800 THEN 1 ELSE 0 END) AS h3,
			SUM(CASE WHEN handle_s >= 1800 THEN 1 ELSE 0 END) AS h4,
			AVG(CAST(rating AS DOUBLE PRECISION)) AS avg_rating,
			COUNT(rating) AS ratings""";

	private final JdbcClient jdbc;

	FactStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes the fact unless one with its id exists (an event delivered again writes it once; two deliveries at
	 * the same instant make one of them fail on the primary key, and the registry delivers it again later).
	 */
	public boolean insert(ContactFact f) {
		if (jdbc.sql("SELECT COUNT(*) FROM contact_facts WHERE id = ?").param(f.id()).query(Integer.class).single() > 0) {
			return false;
		}
		jdbc.sql("""
				INSERT INTO contact_facts (id, local_day, queue_key, medium, product_id, agent_id, created_at,
				connected_at, ended_at, abandoned, wait_s, handle_s, target_s, in_target, rating)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(f.id(), f.localDay(), f.queue(), f.medium().name(), f.product(), f.agent(), ts(f.createdAt()),
					ts(f.connectedAt()), ts(f.endedAt()), f.abandoned(), f.waitSeconds(), f.handleSeconds(),
					f.targetSeconds(), f.inTarget(), f.rating())
			.update();
		return true;
	}

	public void rate(java.util.UUID id, Integer rating) {
		jdbc.sql("UPDATE contact_facts SET rating = ? WHERE id = ?").params(rating, id).update();
	}

	public List<ReportRow> rows(ReportQuery q) {
		String key = column(q.by());
		String order = q.by() == Dimension.DAY ? "k" : "offered DESC, k NULLS LAST";
		var spec = jdbc.sql("SELECT " + key + " AS k, " + FIGURES + " FROM contact_facts" + where(q) + " GROUP BY "
				+ key + " ORDER BY " + order + " LIMIT " + q.size() + " OFFSET " + (long) q.page() * q.size());
		spec = bind(spec, q);
		return spec.query((rs, n) -> row(rs, rs.getString("k"), q.by())).list();
	}

	public long count(ReportQuery q) {
		String key = column(q.by());
		return bind(jdbc.sql("SELECT COUNT(*) FROM (SELECT " + key + " AS k FROM contact_facts" + where(q)
				+ " GROUP BY " + key + ") groups"), q).query(Long.class).single();
	}

	public ReportRow total(ReportQuery q) {
		return bind(jdbc.sql("SELECT " + FIGURES + " FROM contact_facts" + where(q)), q)
			.query((rs, n) -> row(rs, "total", null)).single();
	}

	private static String column(Dimension by) {
		return switch (by) {
			case DAY -> "local_day";
			case QUEUE -> "queue_key";
			case MEDIUM -> "medium";
			case PRODUCT -> "product_id";
			case AGENT -> "agent_id";
		};
	}

	private static String where(ReportQuery q) {
		return " WHERE local_day BETWEEN ? AND ?" + (q.queue() == null ? "" : " AND queue_key = ?")
				+ (q.medium() == null ? "" : " AND medium = ?");
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, ReportQuery q) {
		List<Object> params = new ArrayList<>(List.of(q.from(), q.to()));
		if (q.queue() != null) {
			params.add(q.queue());
		}
		if (q.medium() != null) {
			params.add(q.medium().name());
		}
		return spec.params(params);
	}

	private static ReportRow row(ResultSet rs, String key, Dimension by) throws SQLException {
		long offered = rs.getLong("offered");
		long inTarget = rs.getLong("in_target");
		String k = key == null ? "none" : by == Dimension.MEDIUM ? key.toLowerCase(Locale.ROOT) : key;
		return new ReportRow(k, offered, rs.getLong("answered"), rs.getLong("abandoned"),
				offered == 0 ? null : (double) inTarget / offered, number(rs, "avg_wait"), rs.getLong("max_wait"),
				number(rs, "avg_handle"),
				new long[] { rs.getLong("w0"), rs.getLong("w1"), rs.getLong("w2"), rs.getLong("w3"), rs.getLong("w4") },
				new long[] { rs.getLong("h0"), rs.getLong("h1"), rs.getLong("h2"), rs.getLong("h3"), rs.getLong("h4") },
				number(rs, "avg_rating"), rs.getLong("ratings"));
	}

	private static Double number(ResultSet rs, String column) throws SQLException {
		double v = rs.getDouble(column);
		return rs.wasNull() ? null : v;
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}
}

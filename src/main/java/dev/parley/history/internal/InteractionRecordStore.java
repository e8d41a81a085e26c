package dev.parley.history.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.PageResult;
import dev.parley.history.Direction;
import dev.parley.history.HistoryFilter;
import dev.parley.history.InteractionRecord;
import dev.parley.history.InteractionRecordId;
import dev.parley.common.Medium;
import dev.parley.common.Outcome;

/** The interaction_records table. */
@Repository
public class InteractionRecordStore {

	private final JdbcClient jdbc;

	InteractionRecordStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(InteractionRecord r) {
		jdbc.sql("""
				INSERT INTO interaction_records (id, customer_id, product_id, agent_id, medium, direction, started_at,
				ended_at, outcome, summary, transcript, rating, rating_comment, rated_at, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.id().value(), r.customerId().value(), r.productId() == null ? null : r.productId().value(), r.agentId().value(),
					r.medium().name(), r.direction().name(), ts(r.startedAt()), ts(r.endedAt()), r.outcome().name(),
					r.summary(), r.transcript(), r.rating(), r.ratingComment(), ts(r.ratedAt()), r.version())
			.update();
	}

	public Optional<InteractionRecord> find(InteractionRecordId id) {
		return jdbc.sql("SELECT * FROM interaction_records WHERE id = ?").param(id.value())
			.query((rs, n) -> record(rs)).optional();
	}

	/** Sets the rating if the row still has {@code expectedVersion}; false if it moved on. */
	public boolean updateRating(InteractionRecord r, long expectedVersion) {
		return jdbc.sql("""
				UPDATE interaction_records SET rating = ?, rating_comment = ?, rated_at = ?, version = ?
				WHERE id = ? AND version = ?""")
			.params(r.rating(), r.ratingComment(), ts(r.ratedAt()), r.version(), r.id().value(), expectedVersion)
			.update() == 1;
	}

	/** One customer's records matching the filter, newest first. */
	public PageResult<InteractionRecord> find(CustomerId customer, HistoryFilter filter, int page, int size) {
		var where = new StringBuilder(" WHERE customer_id = ?");
		var params = new ArrayList<Object>(List.of(customer.value()));
		if (filter.product() != null) {
			where.append(" AND product_id = ?");
			params.add(filter.product().value());
		}
		if (filter.agent() != null) {
			where.append(" AND agent_id = ?");
			params.add(filter.agent().value());
		}
		if (filter.medium() != null) {
			where.append(" AND medium = ?");
			params.add(filter.medium().name());
		}
		if (filter.fromInstant() != null) {
			where.append(" AND started_at >= ?");
			params.add(ts(filter.fromInstant()));
		}
		if (filter.toInstantExclusive() != null) {
			where.append(" AND started_at < ?");
			params.add(ts(filter.toInstantExclusive()));
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM interaction_records" + where).params(params).query(Long.class)
			.single();
		var pageParams = new ArrayList<>(params);
		pageParams.add(size);
		pageParams.add((long) page * size);
		var items = jdbc.sql("SELECT * FROM interaction_records" + where
				+ " ORDER BY started_at DESC, id LIMIT ? OFFSET ?").params(pageParams).query((rs, n) -> record(rs))
			.list();
		return new PageResult<>(items, page, size, total);
	}

	public List<ProductId> productsOf(CustomerId customer) {
		return jdbc.sql("SELECT DISTINCT product_id FROM interaction_records WHERE customer_id = ? AND product_id IS NOT NULL")
			.param(customer.value()).query((rs, n) -> new ProductId(rs.getObject(1, UUID.class))).list();
	}

	public List<AgentId> agentsOf(CustomerId customer) {
		return jdbc.sql("SELECT DISTINCT agent_id FROM interaction_records WHERE customer_id = ?")
			.param(customer.value()).query((rs, n) -> new AgentId(rs.getObject(1, UUID.class))).list();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static InteractionRecord record(ResultSet rs) throws SQLException {
		UUID product = rs.getObject("product_id", UUID.class);
		int rating = rs.getInt("rating");
		Integer ratingOrNull = rs.wasNull() ? null : rating;
		return new InteractionRecord(new InteractionRecordId(rs.getObject("id", UUID.class)),
				new CustomerId(rs.getObject("customer_id", UUID.class)), product == null ? null : new ProductId(product),
				new AgentId(rs.getObject("agent_id", UUID.class)), Medium.valueOf(rs.getString("medium")),
				Direction.valueOf(rs.getString("direction")), instant(rs, "started_at"), instant(rs, "ended_at"),
				Outcome.valueOf(rs.getString("outcome")), rs.getString("summary"), rs.getString("transcript"),
				ratingOrNull, rs.getString("rating_comment"), instant(rs, "rated_at"), rs.getLong("version"));
	}
}

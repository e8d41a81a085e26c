package dev.parley.invitations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.invitations.Direction;
import dev.parley.invitations.Invitation;
import dev.parley.invitations.InvitationId;
import dev.parley.invitations.InvitationState;
import dev.parley.routing.InteractionId;

/**
 * The invitations table. An invitation's answer is one conditional UPDATE that names the state it leaves
 * ({@code PENDING}) and, for an acceptance, that it has not run out: the row count says whether this caller
 * decided it. The unique {@code open_pair} (customer:agent while pending) keeps one open invitation per pair.
 */
@Repository
public class InvitationStore {

	private final JdbcClient jdbc;

	InvitationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a pending invitation; false when one between the same customer and agent is open already. */
	public boolean insert(Invitation i) {
		try {
			jdbc.sql("""
					INSERT INTO invitations (id, direction, customer_id, agent_id, medium, topic, order_number, product_id,
					state, open_pair, created_at, expires_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, 0)""")
				.params(i.id().value(), i.direction().name(), i.customer().value(), i.agent().value(), i.medium().name(),
						i.topic(), i.order(), i.product() == null ? null : i.product().value(), pair(i.customer(), i.agent()),
						ts(i.createdAt()), ts(i.expiresAt()))
				.update();
			return true;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	public Optional<Invitation> find(InvitationId id) {
		return jdbc.sql("SELECT * FROM invitations WHERE id = ?").param(id.value()).query((rs, n) -> row(rs)).optional();
	}

	/** PENDING and not run out -> ACCEPTED by {@code by}, with the interaction it became. */
	public boolean accept(InvitationId id, UUID by, InteractionId interaction, Instant now) {
		return jdbc.sql("""
				UPDATE invitations SET state = 'ACCEPTED', open_pair = NULL, answered_at = ?, answered_by = ?,
				interaction_id = ?, version = version + 1 WHERE id = ? AND state = 'PENDING' AND expires_at > ?""")
			.params(ts(now), by, interaction.value(), id.value(), ts(now)).update() == 1;
	}

	/** PENDING -> DECLINED by {@code by}. */
	public boolean decline(InvitationId id, UUID by, Instant now) {
		return jdbc.sql("""
				UPDATE invitations SET state = 'DECLINED', open_pair = NULL, answered_at = ?, answered_by = ?,
				version = version + 1 WHERE id = ? AND state = 'PENDING' AND expires_at > ?""")
			.params(ts(now), by, id.value(), ts(now)).update() == 1;
	}

	/**
	 * PENDING and not run out -> WITHDRAWN by the customer who asked ({@code by}); {@code interaction} is the queued
	 * contact they went to instead, or null. False when it was answered, expired or withdrawn meanwhile.
	 */
	public boolean withdraw(InvitationId id, UUID by, InteractionId interaction, Instant now) {
		return jdbc.sql("""
				UPDATE invitations SET state = 'WITHDRAWN', open_pair = NULL, answered_at = ?, answered_by = ?,
				interaction_id = ?, version = version + 1 WHERE id = ? AND state = 'PENDING' AND expires_at > ?""")
			.params(ts(now), by, interaction == null ? null : interaction.value(), id.value(), ts(now)).update() == 1;
	}

	/** PENDING and run out -> EXPIRED; false when it was answered (or expired) meanwhile. */
	public boolean expire(InvitationId id, Instant now) {
		return jdbc.sql("""
				UPDATE invitations SET state = 'EXPIRED', open_pair = NULL, answered_at = expires_at,
				version = version + 1 WHERE id = ? AND state = 'PENDING' AND expires_at <= ?""")
			.params(id.value(), ts(now)).update() == 1;
	}

	/** Pending invitations whose time is up, as any node sees them. */
	public List<Invitation> overdue(Instant now, int limit) {
		return jdbc.sql("SELECT * FROM invitations WHERE state = 'PENDING' AND expires_at <= ? ORDER BY expires_at LIMIT ?")
			.params(ts(now), limit).query((rs, n) -> row(rs)).list();
	}

	/** Whether an invitation between them is open (pending and not run out). */
	public boolean isOpen(CustomerId customer, AgentId agent, Instant now) {
		return jdbc.sql("SELECT COUNT(*) FROM invitations WHERE open_pair = ? AND expires_at > ?")
			.params(pair(customer, agent), ts(now)).query(Integer.class).single() > 0;
	}

	/** Expires a pending invitation between them that ran out but was not swept yet, so a new one can be sent. */
	public Optional<Invitation> overdueBetween(CustomerId customer, AgentId agent, Instant now) {
		return jdbc.sql("SELECT * FROM invitations WHERE open_pair = ? AND expires_at <= ?")
			.params(pair(customer, agent), ts(now)).query((rs, n) -> row(rs)).optional();
	}

	/** How many invitations the agent sent since {@code since}, and the first of them. */
	public List<Instant> sentBy(AgentId agent, Instant since) {
		return jdbc.sql("""
				SELECT created_at FROM invitations WHERE agent_id = ? AND direction = 'TO_CUSTOMER' AND created_at > ?
				ORDER BY created_at""")
			.params(agent.value(), ts(since)).query((rs, n) -> instant(rs, "created_at")).list();
	}

	/** When the customer asked for agents since {@code since}, oldest first (their requests' rate limit). */
	public List<Instant> askedBy(CustomerId customer, Instant since) {
		return jdbc.sql("""
				SELECT created_at FROM invitations WHERE customer_id = ? AND direction = 'TO_AGENT' AND created_at > ?
				ORDER BY created_at""")
			.params(customer.value(), ts(since)).query((rs, n) -> instant(rs, "created_at")).list();
	}

	public List<Invitation> ofCustomer(CustomerId customer, int limit) {
		return jdbc.sql("SELECT * FROM invitations WHERE customer_id = ? ORDER BY created_at DESC LIMIT ?")
			.params(customer.value(), limit).query((rs, n) -> row(rs)).list();
	}

	public List<Invitation> ofAgent(AgentId agent, int limit) {
		return jdbc.sql("SELECT * FROM invitations WHERE agent_id = ? ORDER BY created_at DESC LIMIT ?")
			.params(agent.value(), limit).query((rs, n) -> row(rs)).list();
	}

	private static String pair(CustomerId customer, AgentId agent) {
		return customer.value() + ":" + agent.value();
	}

	private static Invitation row(ResultSet rs) throws SQLException {
		UUID product = rs.getObject("product_id", UUID.class);
		UUID interaction = rs.getObject("interaction_id", UUID.class);
		return new Invitation(new InvitationId(rs.getObject("id", UUID.class)), Direction.valueOf(rs.getString("direction")),
				new CustomerId(rs.getObject("customer_id", UUID.class)), new AgentId(rs.getObject("agent_id", UUID.class)),
				Medium.valueOf(rs.getString("medium")), rs.getString("topic"), rs.getString("order_number"),
				product == null ? null : new ProductId(product), InvitationState.valueOf(rs.getString("state")),
				instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "answered_at"),
				rs.getObject("answered_by", UUID.class), interaction == null ? null : new InteractionId(interaction),
				rs.getLong("version"));
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}

package dev.parley.routing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.common.Outcome;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionId;
import dev.parley.routing.InteractionState;
import dev.parley.routing.Offer;
import dev.parley.routing.OfferId;

/**
 * The interactions, their steps and offers. Every move of an interaction is one conditional UPDATE that names
 * the state it leaves (and the offer or agent it concerns): the row count says whether this caller decided it.
 * Two nodes racing for the same move both run it; the database lets exactly one of them change the row.
 */
@Repository
public class InteractionStore {

	private final JdbcClient jdbc;

	InteractionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long nextEnqueueSeq() {
		return jdbc.sql("SELECT nextval('interaction_enqueue_seq')").query(Long.class).single();
	}

	public void insert(Interaction i) {
		jdbc.sql("""
				INSERT INTO interactions (id, customer_id, medium, queue_key, product_id, topic, priority, state,
				created_at, enqueued_at, enqueue_seq, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
			.params(i.id().value(), i.customer().value(), i.medium().name(), i.queue(),
					i.product() == null ? null : i.product().value(), i.topic(), i.priority(), i.state().name(),
					ts(i.createdAt()), ts(i.enqueuedAt()), i.enqueueSeq())
			.update();
	}

	/** A new interaction connected to its agent from the start. */
	public void insertConnected(Interaction i) {
		jdbc.sql("""
				INSERT INTO interactions (id, customer_id, medium, queue_key, product_id, topic, priority, state, agent_id,
				created_at, enqueued_at, enqueue_seq, connected_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 'CONNECTED', ?, ?, ?, ?, ?, 0)""")
			.params(i.id().value(), i.customer().value(), i.medium().name(), i.queue(),
					i.product() == null ? null : i.product().value(), i.topic(), i.priority(), i.agent().value(),
					ts(i.createdAt()), ts(i.enqueuedAt()), i.enqueueSeq(), ts(i.connectedAt()))
			.update();
	}

	public Optional<Interaction> find(InteractionId id) {
		return jdbc.sql("SELECT * FROM interactions WHERE id = ?").param(id.value()).query((rs, n) -> row(rs))
			.optional();
	}

	/** The customer's interactions, newest first. */
	public List<Interaction> ofCustomer(CustomerId customer, int limit) {
		return jdbc.sql("SELECT * FROM interactions WHERE customer_id = ? ORDER BY created_at DESC LIMIT ?")
			.params(customer.value(), limit).query((rs, n) -> row(rs)).list();
	}

	public int countOpen(CustomerId customer) {
		return jdbc.sql("SELECT COUNT(*) FROM interactions WHERE customer_id = ? AND state NOT IN ('CLOSED', 'ABANDONED')")
			.param(customer.value()).query(Integer.class).single();
	}

	/** What an agent has now: connected or in wrap-up. */
	public List<Interaction> handledBy(AgentId agent) {
		return jdbc.sql("SELECT * FROM interactions WHERE agent_id = ? AND state IN ('CONNECTED', 'WRAP_UP') ORDER BY connected_at")
			.param(agent.value()).query((rs, n) -> row(rs)).list();
	}

	/** Every interaction not over yet, oldest first: what a node's routing board is rebuilt from. */
	public List<Interaction> open() {
		return jdbc.sql("SELECT * FROM interactions WHERE state IN ('QUEUED', 'OFFERED', 'CONNECTED', 'WRAP_UP') ORDER BY enqueue_seq")
			.query((rs, n) -> row(rs)).list();
	}

	/** The waits (created to first connected, in seconds) of a queue's contacts answered in {@code [from, to)}. */
	public List<Double> answeredWaits(String queue, Instant from, Instant to) {
		return jdbc.sql("SELECT created_at, connected_at FROM interactions WHERE queue_key = ? AND connected_at >= ? AND connected_at < ?")
			.params(queue, ts(from), ts(to))
			.query((rs, n) -> Math.max(0, rs.getTimestamp("connected_at").getTime() - rs.getTimestamp("created_at").getTime()) / 1000.0)
			.list();
	}

	/**
	 * How long the last {@code limit} closed contacts of the medium took from connection to close (talk and
	 * wrap-up), newest first: the agent's own when {@code agent} is given, else the queue's.
	 */
	public List<java.time.Duration> handleTimes(AgentId agent, String queue, Medium medium, int limit) {
		String who = agent != null ? "agent_id = ?" : "queue_key = ?";
		return jdbc.sql("SELECT connected_at, closed_at FROM interactions WHERE " + who + " AND medium = ?"
				+ " AND state = 'CLOSED' AND connected_at IS NOT NULL AND closed_at IS NOT NULL"
				+ " ORDER BY closed_at DESC LIMIT ?")
			.params(agent != null ? agent.value() : queue, medium.name(), limit)
			.query((rs, n) -> java.time.Duration.between(rs.getTimestamp("connected_at").toInstant(),
					rs.getTimestamp("closed_at").toInstant()))
			.list();
	}

	public int countIn(String queue) {
		return jdbc.sql("SELECT COUNT(*) FROM interactions WHERE queue_key = ? AND state NOT IN ('CLOSED', 'ABANDONED')")
			.param(queue).query(Integer.class).single();
	}

	/** Offers whose time is up, as seen by any node. */
	public List<Interaction> overdueOffers(Instant now) {
		return jdbc.sql("SELECT * FROM interactions WHERE state = 'OFFERED' AND offer_expires_at <= ?").param(ts(now))
			.query((rs, n) -> row(rs)).list();
	}

	public List<Interaction> overdueWrapUps(Instant now) {
		return jdbc.sql("SELECT * FROM interactions WHERE state = 'WRAP_UP' AND wrap_up_deadline <= ?").param(ts(now))
			.query((rs, n) -> row(rs)).list();
	}

	/** QUEUED -> OFFERED to {@code agent}: false when the interaction is no longer queued. */
	public boolean offer(InteractionId id, OfferId offer, AgentId agent, Instant expiresAt, Instant now) {
		int rows = jdbc.sql("""
				UPDATE interactions SET state = 'OFFERED', offer_id = ?, offered_to = ?, offer_expires_at = ?,
				version = version + 1 WHERE id = ? AND state = 'QUEUED'""")
			.params(offer.value(), agent.value(), ts(expiresAt), id.value()).update();
		if (rows == 1) {
			insertOffer(id, offer, agent, expiresAt, now);
		}
		return rows == 1;
	}

	/** CONNECTED (by {@code from}) -> OFFERED to a named agent. */
	public boolean offerOnward(InteractionId id, AgentId from, OfferId offer, AgentId agent, Instant expiresAt,
			String note, Instant now) {
		int rows = jdbc.sql("""
				UPDATE interactions SET state = 'OFFERED', agent_id = NULL, offer_id = ?, offered_to = ?,
				offer_expires_at = ?, transfer_note = ?, transferred_from = agent_id, version = version + 1
				WHERE id = ? AND state = 'CONNECTED' AND agent_id = ?""")
			.params(offer.value(), agent.value(), ts(expiresAt), note, id.value(), from.value()).update();
		if (rows == 1) {
			insertOffer(id, offer, agent, expiresAt, now);
		}
		return rows == 1;
	}

	/**
	 * The decision of who wins: OFFERED with this very offer, to this agent, not expired -> CONNECTED to them.
	 * A second accept, a late one, or one by someone else changes no row.
	 */
	public boolean accept(InteractionId id, OfferId offer, AgentId agent, Instant now) {
		int rows = jdbc.sql("""
				UPDATE interactions SET state = 'CONNECTED', agent_id = offered_to, offer_id = NULL, offered_to = NULL,
				offer_expires_at = NULL, connected_at = COALESCE(connected_at, ?), version = version + 1
				WHERE id = ? AND state = 'OFFERED' AND offer_id = ? AND offered_to = ? AND offer_expires_at > ?""")
			.params(ts(now), id.value(), offer.value(), agent.value(), ts(now)).update();
		if (rows == 1) {
			closeOffer(offer, Offer.State.ACCEPTED, now);
		}
		return rows == 1;
	}

	/** OFFERED with this offer -> QUEUED again, same place; the offer ends as {@code outcome}. */
	public boolean requeue(InteractionId id, OfferId offer, Offer.State outcome, Instant now) {
		String expired = outcome == Offer.State.EXPIRED ? " AND offer_expires_at <= ?" : "";
		var spec = jdbc.sql("""
				UPDATE interactions SET state = 'QUEUED', offer_id = NULL, offered_to = NULL, offer_expires_at = NULL,
				version = version + 1 WHERE id = ? AND state = 'OFFERED' AND offer_id = ?""" + expired);
		int rows = (outcome == Offer.State.EXPIRED ? spec.params(id.value(), offer.value(), ts(now))
				: spec.params(id.value(), offer.value())).update();
		if (rows == 1) {
			closeOffer(offer, outcome, now);
		}
		return rows == 1;
	}

	/** CONNECTED (by {@code from}) -> QUEUED in another queue, keeping its place in time, with a note. */
	public boolean requeueTo(InteractionId id, AgentId from, String queue, String note) {
		return jdbc.sql("""
				UPDATE interactions SET state = 'QUEUED', agent_id = NULL, queue_key = ?, transfer_note = ?,
				transferred_from = agent_id, version = version + 1 WHERE id = ? AND state = 'CONNECTED' AND agent_id = ?""")
			.params(queue, note, id.value(), from.value()).update() == 1;
	}

	/** CONNECTED -> WRAP_UP (by the agent, or by the customer when {@code agent} is null). */
	public boolean end(InteractionId id, AgentId agent, Instant deadline, Instant now) {
		String byAgent = agent == null ? "" : " AND agent_id = ?";
		var spec = jdbc.sql("""
				UPDATE interactions SET state = 'WRAP_UP', ended_at = ?, wrap_up_deadline = ?, version = version + 1
				WHERE id = ? AND state = 'CONNECTED'""" + byAgent);
		return (agent == null ? spec.params(ts(now), ts(deadline), id.value())
				: spec.params(ts(now), ts(deadline), id.value(), agent.value())).update() == 1;
	}

	/** CONNECTED or WRAP_UP (by this agent) -> CLOSED with the disposition and summary. */
	public boolean close(InteractionId id, AgentId agent, Outcome disposition, String summary, Instant now) {
		return jdbc.sql("""
				UPDATE interactions SET state = 'CLOSED', closed_at = ?, ended_at = COALESCE(ended_at, ?),
				disposition = ?, summary = ?, wrap_up_deadline = NULL, version = version + 1
				WHERE id = ? AND state IN ('CONNECTED', 'WRAP_UP') AND agent_id = ?""")
			.params(ts(now), ts(now), disposition.name(), summary, id.value(), agent.value()).update() == 1;
	}

	/** QUEUED or OFFERED -> ABANDONED: the customer left before an agent took it. */
	public boolean abandon(InteractionId id, CustomerId customer, Instant now) {
		Optional<UUID> offer = jdbc.sql("SELECT offer_id FROM interactions WHERE id = ?").param(id.value())
			.query((rs, n) -> rs.getObject(1, UUID.class)).optional();
		int rows = jdbc.sql("""
				UPDATE interactions SET state = 'ABANDONED', closed_at = ?, offer_id = NULL, offered_to = NULL,
				offer_expires_at = NULL, version = version + 1
				WHERE id = ? AND customer_id = ? AND state IN ('QUEUED', 'OFFERED')""")
			.params(ts(now), id.value(), customer.value()).update();
		if (rows == 1 && offer.isPresent()) {
			closeOffer(new OfferId(offer.get()), Offer.State.WITHDRAWN, now);
		}
		return rows == 1;
	}

	public void step(InteractionId id, String step, Instant at, AgentId agent, String queue, String note) {
		jdbc.sql("""
				INSERT INTO interaction_steps (interaction_id, position, step, occurred_at, agent_id, queue_key, note)
				SELECT ?, COALESCE(MAX(position), -1) + 1, ?, ?, ?, ?, ? FROM interaction_steps WHERE interaction_id = ?""")
			.params(id.value(), step, ts(at), agent == null ? null : agent.value(), queue, note, id.value()).update();
	}

	public List<Step> steps(InteractionId id) {
		return jdbc.sql("SELECT * FROM interaction_steps WHERE interaction_id = ? ORDER BY position").param(id.value())
			.query((rs, n) -> new Step(rs.getString("step"), instant(rs, "occurred_at"), agent(rs, "agent_id"),
					rs.getString("queue_key"), rs.getString("note")))
			.list();
	}

	/** One time-stamped step of an interaction's life. */
	public record Step(String step, Instant at, AgentId agent, String queue, String note) {
	}

	public Optional<Offer> offer(OfferId id) {
		return jdbc.sql("SELECT * FROM offers WHERE id = ?").param(id.value()).query((rs, n) -> offer(rs)).optional();
	}

	/** The agent's pending offers, oldest first. */
	public List<Offer> pendingOffers(AgentId agent) {
		return jdbc.sql("SELECT * FROM offers WHERE agent_id = ? AND state = 'PENDING' ORDER BY offered_at")
			.param(agent.value()).query((rs, n) -> offer(rs)).list();
	}

	private void insertOffer(InteractionId id, OfferId offer, AgentId agent, Instant expiresAt, Instant now) {
		jdbc.sql("INSERT INTO offers (id, interaction_id, agent_id, state, offered_at, expires_at) VALUES (?, ?, ?, 'PENDING', ?, ?)")
			.params(offer.value(), id.value(), agent.value(), ts(now), ts(expiresAt)).update();
	}

	private void closeOffer(OfferId offer, Offer.State outcome, Instant now) {
		jdbc.sql("UPDATE offers SET state = ?, answered_at = ? WHERE id = ? AND state = 'PENDING'")
			.params(outcome.name(), ts(now), offer.value()).update();
	}

	private static Offer offer(ResultSet rs) throws SQLException {
		return new Offer(new OfferId(rs.getObject("id", UUID.class)),
				new InteractionId(rs.getObject("interaction_id", UUID.class)), agent(rs, "agent_id"),
				Offer.State.valueOf(rs.getString("state")), instant(rs, "offered_at"), instant(rs, "expires_at"),
				instant(rs, "answered_at"));
	}

	private static Interaction row(ResultSet rs) throws SQLException {
		UUID product = rs.getObject("product_id", UUID.class);
		UUID offer = rs.getObject("offer_id", UUID.class);
		String disposition = rs.getString("disposition");
		return new Interaction(new InteractionId(rs.getObject("id", UUID.class)),
				new CustomerId(rs.getObject("customer_id", UUID.class)), Medium.valueOf(rs.getString("medium")),
				rs.getString("queue_key"), product == null ? null : new ProductId(product), rs.getString("topic"),
				rs.getInt("priority"), InteractionState.valueOf(rs.getString("state")), agent(rs, "agent_id"),
				offer == null ? null : new OfferId(offer), agent(rs, "offered_to"), instant(rs, "offer_expires_at"),
				rs.getString("transfer_note"), agent(rs, "transferred_from"), instant(rs, "created_at"), instant(rs, "enqueued_at"),
				rs.getLong("enqueue_seq"), instant(rs, "connected_at"), instant(rs, "ended_at"),
				instant(rs, "closed_at"), disposition == null ? null : Outcome.valueOf(disposition),
				rs.getString("summary"), instant(rs, "wrap_up_deadline"), rs.getLong("version"));
	}

	private static AgentId agent(ResultSet rs, String column) throws SQLException {
		UUID id = rs.getObject(column, UUID.class);
		return id == null ? null : new AgentId(id);
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}

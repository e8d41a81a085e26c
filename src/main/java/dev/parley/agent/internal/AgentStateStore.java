package dev.parley.agent.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.agent.AgentState;
import dev.parley.agent.AgentStatus;
import dev.parley.common.AgentId;

/** The agent_states table: one row per agent who ever set a state. */
@Repository
public class AgentStateStore {

	private final JdbcClient jdbc;

	AgentStateStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<AgentStatus> find(AgentId agent) {
		return jdbc.sql("SELECT state, reason, since FROM agent_states WHERE agent_id = ?").param(agent.value())
			.query((rs, n) -> status(rs)).optional();
	}

	public Map<AgentId, AgentStatus> loggedIn() {
		Map<AgentId, AgentStatus> all = new LinkedHashMap<>();
		jdbc.sql("SELECT agent_id, state, reason, since FROM agent_states WHERE state <> 'LOGGED_OUT'")
			.query((ResultSet rs) -> {
				all.put(new AgentId(rs.getObject("agent_id", UUID.class)), status(rs));
			});
		return all;
	}

	/** Adds a change to the agent's state log (in the transaction that changes the state). */
	public void log(AgentId agent, AgentStatus status) {
		jdbc.sql("INSERT INTO agent_state_log (agent_id, since, seq, state, reason) VALUES (?, ?, nextval('agent_state_log_seq'), ?, ?)")
			.params(agent.value(), Timestamp.from(status.since()), status.state().name(),
					status.reason() == null ? null : status.reason().name())
			.update();
	}

	/** The agent's logged states that began in {@code [from, to)}, and the one in force at {@code from}, in order. */
	public java.util.List<AgentStatus> log(AgentId agent, java.time.Instant from, java.time.Instant to) {
		java.util.List<AgentStatus> rows = new java.util.ArrayList<>();
		jdbc.sql("""
				SELECT state, reason, since FROM agent_state_log WHERE agent_id = ? AND since < ?
				ORDER BY since DESC, seq DESC LIMIT 1""")
			.params(agent.value(), Timestamp.from(from))
			.query((rs, n) -> status(rs)).optional().ifPresent(rows::add);
		rows.addAll(jdbc.sql("""
				SELECT state, reason, since FROM agent_state_log WHERE agent_id = ? AND since >= ? AND since < ?
				ORDER BY since, seq""")
			.params(agent.value(), Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> status(rs)).list());
		return rows;
	}

	/** Writes the agent's state (the row locked for the update); returns the state it replaced. */
	public AgentStatus upsert(AgentId agent, AgentStatus status) {
		Optional<AgentStatus> previous = jdbc
			.sql("SELECT state, reason, since FROM agent_states WHERE agent_id = ? FOR UPDATE").param(agent.value())
			.query((rs, n) -> status(rs)).optional();
		Object[] values = { status.state().name(), status.reason() == null ? null : status.reason().name(),
				Timestamp.from(status.since()), agent.value() };
		if (previous.isPresent()) {
			jdbc.sql("UPDATE agent_states SET state = ?, reason = ?, since = ?, version = version + 1 WHERE agent_id = ?")
				.params(values).update();
		}
		else {
			jdbc.sql("INSERT INTO agent_states (state, reason, since, agent_id, version) VALUES (?, ?, ?, ?, 0)")
				.params(values).update();
		}
		return previous.orElse(AgentStatus.loggedOut());
	}

	/** Counts one more missed offer (the agent has a row: offers go to available agents only); the new count. */
	public int addMissedOffer(AgentId agent) {
		jdbc.sql("UPDATE agent_states SET missed_offers = missed_offers + 1 WHERE agent_id = ?").param(agent.value())
			.update();
		return jdbc.sql("SELECT missed_offers FROM agent_states WHERE agent_id = ?").param(agent.value())
			.query(Integer.class).optional().orElse(0);
	}

	public void resetMissedOffers(AgentId agent) {
		jdbc.sql("UPDATE agent_states SET missed_offers = 0 WHERE agent_id = ? AND missed_offers <> 0")
			.param(agent.value()).update();
	}

	private static AgentStatus status(ResultSet rs) throws SQLException {
		String reason = rs.getString("reason");
		return new AgentStatus(AgentState.valueOf(rs.getString("state")),
				reason == null ? null : AgentState.Reason.valueOf(reason), rs.getTimestamp("since").toInstant());
	}
}

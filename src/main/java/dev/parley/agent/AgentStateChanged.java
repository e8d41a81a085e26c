package dev.parley.agent;

import java.time.Instant;

import dev.parley.common.AgentId;

/**
 * An agent's routing state changed (persisted in the same transaction). Presence, status and alerts react;
 * a listener that needs the latest state asks {@link AgentStates#status} rather than trusting the order in
 * which events arrive.
 */
public record AgentStateChanged(AgentId agent, AgentState previous, AgentState state, AgentState.Reason reason,
		Instant at) {
}

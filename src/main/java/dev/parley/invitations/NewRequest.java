package dev.parley.invitations;

import dev.parley.common.AgentId;
import dev.parley.common.Medium;

/** A customer asks for a named agent: the agent and the medium (required), optionally a topic. */
public record NewRequest(AgentId agent, Medium medium, String topic) {
}

package dev.parley.history;

import java.util.List;
import java.util.UUID;

import dev.parley.common.AgentId;

/** One agent's interactions within one product of a grouped history, newest first. */
public record AgentInteractions(AgentId agentId, String agentName, List<NamedInteraction> interactions) {

	public AgentInteractions {
		interactions = List.copyOf(interactions);
	}

	public int count() {
		return interactions.size();
	}
}

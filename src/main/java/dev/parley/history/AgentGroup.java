package dev.parley.history;

import java.util.List;
import java.util.UUID;

/** One agent's interactions within a product group, newest first. */
public record AgentGroup(UUID agentId, String agentName, List<NamedInteraction> interactions) {

	public AgentGroup {
		interactions = List.copyOf(interactions);
	}

	public int count() {
		return interactions.size();
	}
}

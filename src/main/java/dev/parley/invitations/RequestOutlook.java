package dev.parley.invitations;

import java.time.Duration;
import java.util.List;

import dev.parley.agent.AgentState;
import dev.parley.common.AgentId;

/**
 * What a customer who asked for a named agent may expect: the agent's routing state now, when they are likely free
 * ({@link FreeEstimate}; null when there is no estimate) and the other agents of their group who are ready now for
 * the request's medium ({@code alternatives}: who else can help). For an agent's invitation to a customer the state
 * is null and the rest empty.
 */
public record RequestOutlook(AgentState agentState, Duration estimate, List<Alternative> alternatives) {

	/** An agent who is ready now for the medium: who else can help. */
	public record Alternative(AgentId id, String name, String group) {
	}

	public RequestOutlook {
		alternatives = List.copyOf(alternatives);
	}

	static RequestOutlook none() {
		return new RequestOutlook(null, null, List.of());
	}
}

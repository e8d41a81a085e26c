package dev.parley.presence;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Agents' routing states, published as their presence: the API routing will call when it exists; until
 * then the agent workstation's state selector calls it. In memory, like all live state.
 */
@Service
public class AgentStates {

	public static final String TUPLE = "routing";

	private final Map<UUID, AgentStatus> states = new ConcurrentHashMap<>();
	private final Presence presence;
	private final Clock clock;
	private final boolean supervisorsInvisible;

	AgentStates(Presence presence, Optional<Clock> clock,
			@Value("${parley.presence.supervisors-invisible:true}") boolean supervisorsInvisible) {
		this.presence = presence;
		this.clock = clock.orElse(Clock.systemUTC());
		this.supervisorsInvisible = supervisorsInvisible;
	}

	public AgentStatus status(UUID agent) {
		return states.getOrDefault(agent, AgentStatus.loggedOut());
	}

	/** Sets the state from user input (tokens), checked; publishes the agent's {@code routing} tuple. */
	public AgentStatus set(UUID agent, String state, String reason) {
		return set(agent, AgentStatus.parse(state, reason, clock.instant()));
	}

	public AgentStatus set(UUID agent, AgentStatus status) {
		synchronized (states) {
			states.put(agent, status);
			presence.publish(PresentityId.agent(agent), status.tuple());
		}
		return status;
	}

	/** The agent's watchers as the agent may see them: supervisors' watching stays invisible (by default). */
	public List<WatcherInfo> watchers(UUID agent) {
		PresentityId me = PresentityId.agent(agent);
		if (!presence.exists(me)) {
			presence.register(me);
		}
		return visibleToAgent(presence.watchers(me), supervisorsInvisible);
	}

	/** RFC 2778 visibility rules, the watcher's side: a supervisor's watching is not shown to agents. */
	public static List<WatcherInfo> visibleToAgent(List<WatcherInfo> watchers, boolean supervisorsInvisible) {
		return watchers.stream()
			.filter(w -> !supervisorsInvisible || w.watcher().watcherClass() != WatcherClass.SUPERVISOR).toList();
	}
}

package dev.parley.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.agent.internal.AgentStateStore;
import dev.parley.common.AgentId;

/**
 * Agents' routing states, persisted: a restart (or a crash) keeps every agent's state. Each change is written
 * and announced ({@link AgentStateChanged}) in one transaction.
 */
@Service
public class AgentStates {

	private final AgentStateStore store;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AgentStates(AgentStateStore store, ApplicationEventPublisher events, Optional<Clock> clock) {
		this.store = store;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The agent's state; logged out when they never set one. */
	public AgentStatus status(AgentId agent) {
		return store.find(agent).orElse(AgentStatus.loggedOut());
	}

	/** Every agent who is not logged out, with their state. */
	public Map<AgentId, AgentStatus> loggedIn() {
		return store.loggedIn();
	}

	/** Sets the state from user input (tokens), checked; announces the change. */
	@Transactional
	public AgentStatus change(AgentId agent, String state, String reason) {
		return change(agent, AgentStatus.parse(state, reason, Instant.now(clock)));
	}

	@Transactional
	public AgentStatus change(AgentId agent, AgentStatus status) {
		AgentStatus stamped = status.since() == null
				? new AgentStatus(status.state(), status.reason(), Instant.now(clock)) : status;
		AgentStatus previous = store.upsert(agent, stamped);
		events.publishEvent(new AgentStateChanged(agent, previous.state(), stamped.state(), stamped.reason(),
				stamped.since()));
		return stamped;
	}
}

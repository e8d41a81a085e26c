package dev.parley.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

	/**
	 * The agent's states over {@code [from, to)}: each period (clipped to the window; the last one ends at {@code to}
	 * or now, whichever is first), logged since the agent state log exists.
	 */
	public List<AgentStatePeriod> history(AgentId agent, Instant from, Instant to) {
		Instant end = to.isAfter(Instant.now(clock)) ? Instant.now(clock) : to;
		List<AgentStatus> log = store.log(agent, from, to);
		List<AgentStatePeriod> periods = new ArrayList<>();
		for (int i = 0; i < log.size(); i++) {
			AgentStatus s = log.get(i);
			Instant start = s.since().isBefore(from) ? from : s.since();
			Instant stop = i + 1 < log.size() ? log.get(i + 1).since() : end;
			if (stop.isAfter(start)) {
				periods.add(new AgentStatePeriod(s.state(), s.reason(), start, stop));
			}
		}
		return periods;
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
		if (previous.state() != stamped.state() || previous.reason() != stamped.reason()) {
			store.log(agent, stamped);
			events.publishEvent(new AgentStateChanged(agent, previous.state(), stamped.state(), stamped.reason(),
					stamped.since()));
		}
		return stamped;
	}

	/**
	 * Derives busy and wrap-up from an available agent's work: wrap-up when all they still do is wrap up, busy
	 * when they have no free capacity, else ready. An agent who chose not ready or logged out keeps that.
	 */
	@Transactional
	public AgentStatus followWork(AgentId agent, Workload work) {
		AgentStatus current = status(agent);
		if (!current.state().isAvailable()) {
			return current;
		}
		AgentState derived = work.wrappingUp() && !work.working() ? AgentState.WRAP_UP
				: work.full() ? AgentState.BUSY : AgentState.READY;
		return derived == current.state() ? current : change(agent, new AgentStatus(derived, null, null));
	}

	/**
	 * The agent let an offer expire; after {@code limit} in a row they are set not ready (reason missed offer).
	 * Returns true when that happened.
	 */
	@Transactional
	public boolean missedOffer(AgentId agent, int limit) {
		int missed = store.addMissedOffer(agent);
		if (missed >= limit && status(agent).state().isAvailable()) {
			store.resetMissedOffers(agent);
			change(agent, new AgentStatus(AgentState.NOT_READY, AgentState.Reason.MISSED_OFFER, null));
			return true;
		}
		return false;
	}

	/** The agent took an offer: their run of missed offers starts over. */
	@Transactional
	public void tookOffer(AgentId agent) {
		store.resetMissedOffers(agent);
	}
}

package dev.parley.invitations;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentState;
import dev.parley.agent.AgentStates;
import dev.parley.agent.AgentStatus;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.InteractionState;
import dev.parley.routing.Interactions;

/**
 * Reads a request's {@link RequestOutlook} from the modules that know it: the agent's state (agent), the contacts
 * they have now and the measured handle times (routing), the other agents of their group. Decides nothing.
 */
@Component
public class RequestOutlooks {

	/** How many recent handle times (the agent's, else the queue's) the typical time is taken from. */
	static final int HANDLE_SAMPLES = 20;

	private final AgentStates states;
	private final AgentManagement agents;
	private final AgentDesk desk;
	private final Interactions interactions;
	private final InvitationFacts facts;
	private final Clock clock;

	RequestOutlooks(AgentStates states, AgentManagement agents, AgentDesk desk, Interactions interactions,
			InvitationFacts facts, Optional<Clock> clock) {
		this.states = states;
		this.agents = agents;
		this.desk = desk;
		this.interactions = interactions;
		this.facts = facts;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * A request's outlook: the agent's state; while it is pending, when they are likely free; unless it was accepted
	 * or withdrawn, who else can help. An agent's invitation to a customer has none.
	 */
	public RequestOutlook of(Invitation i) {
		if (i.direction() != Direction.TO_AGENT) {
			return RequestOutlook.none();
		}
		AgentState state = states.status(i.agent()).state();
		Duration estimate = i.isPending() ? estimate(i.agent(), state).orElse(null) : null;
		boolean over = i.state() == InvitationState.ACCEPTED || i.state() == InvitationState.WITHDRAWN;
		return new RequestOutlook(state, estimate, over ? List.of() : alternatives(i.agent(), i.medium()));
	}

	/** When the agent is likely free ({@link FreeEstimate}), from what they do now and the measured handle times. */
	public Optional<Duration> estimate(AgentId agent, AgentState state) {
		if (state != AgentState.BUSY && state != AgentState.WRAP_UP) {
			return Optional.empty();
		}
		List<FreeEstimate.Current> current = desk.interactions(agent).stream()
			.map(c -> new FreeEstimate.Current(c.medium(), c.queue(), c.connectedAt(),
					c.state() == InteractionState.WRAP_UP ? c.wrapUpDeadline() : null))
			.toList();
		return FreeEstimate.of(state, current, c -> FreeEstimate.typical(
				interactions.handleTimes(agent, c.medium(), HANDLE_SAMPLES),
				interactions.handleTimes(c.queue(), c.medium(), HANDLE_SAMPLES)), clock.instant());
	}

	/** The other agents of the agent's group who are ready now and handle the medium, by name (as the group lists them). */
	public List<RequestOutlook.Alternative> alternatives(AgentId asked, Medium medium) {
		Agent agent = agents.agent(asked);
		String group = agents.group(agent.groupKey()).name();
		Map<AgentId, AgentStatus> signedIn = states.loggedIn();
		return agents.agents(agent.groupKey()).stream()
			.filter(a -> !a.id().equals(asked) && a.media().contains(medium))
			.filter(a -> signedIn.containsKey(a.id()) && signedIn.get(a.id()).state() == AgentState.READY)
			.map(a -> new RequestOutlook.Alternative(a.id(), a.displayName(), group))
			.toList();
	}

	/** The media the customer may ask this agent for now (both sides can use them). */
	public Set<Medium> askable(CustomerId customer, AgentId agent) {
		return facts.askable(customer, agent);
	}

	/** The agent's routing state now. */
	public AgentState stateOf(AgentId agent) {
		return states.status(agent).state();
	}

	/** Whole seconds, rounded up (a few seconds left is not "0"); null stays null. */
	public static Long seconds(Duration d) {
		return d == null ? null : (d.toMillis() + 999) / 1000;
	}
}

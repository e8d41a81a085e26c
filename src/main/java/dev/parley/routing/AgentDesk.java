package dev.parley.routing;

import java.util.List;

import org.springframework.stereotype.Service;

import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.common.AgentId;
import dev.parley.common.ConflictException;
import dev.parley.common.CustomerId;
import dev.parley.common.NotFoundException;
import dev.parley.common.Outcome;
import dev.parley.common.RefusedException;
import dev.parley.common.Violations;
import dev.parley.routing.internal.InteractionSteps;
import dev.parley.routing.internal.InteractionStore;

/**
 * The agent's side of the broker: offers to accept or reject, the interactions they have, transfer to a queue
 * or a named agent, end, and wrap-up with a disposition and summary (which closes the interaction and writes
 * its history). Every step is the conditional write of {@link InteractionSteps}: an offer that is not the
 * agent's answers 403, one already answered or expired 409, an unknown one 404.
 */
@Service
public class AgentDesk {

	public static final int MAX_NOTE = 1000;
	public static final int MAX_SUMMARY = 2000;

	/** An offer with the interaction it is for. */
	public record OfferView(Offer offer, Interaction interaction) {
	}

	private final InteractionSteps steps;
	private final InteractionStore store;
	private final QueueManagement queues;
	private final AgentManagement agents;
	private final AgentStates states;

	AgentDesk(InteractionSteps steps, InteractionStore store, QueueManagement queues, AgentManagement agents,
			AgentStates states) {
		this.steps = steps;
		this.store = store;
		this.queues = queues;
		this.agents = agents;
		this.states = states;
	}

	/** The agent's open offers. */
	public List<OfferView> offers(AgentId agent) {
		return store.pendingOffers(agent).stream()
			.flatMap(o -> store.find(o.interaction()).stream().map(i -> new OfferView(o, i))).toList();
	}

	/** Takes the offer: exactly one accept ever wins an interaction. */
	public Interaction accept(AgentId agent, OfferId offerId) {
		Offer offer = own(agent, offerId);
		Interaction interaction = store.find(offer.interaction()).orElseThrow(() -> new NotFoundException("offer"));
		if (offer.state() != Offer.State.PENDING || !offerId.equals(interaction.offer())) {
			throw new ConflictException("offer-closed", "This offer was " + offer.state().name().toLowerCase()
					+ (offer.state() == Offer.State.PENDING ? "" : " already"));
		}
		if (!steps.accept(interaction, offerId, agent)) {
			throw new ConflictException("offer-closed", "This offer is no longer open (it expired or was answered)");
		}
		states.tookOffer(agent);
		return store.find(interaction.id()).orElseThrow();
	}

	/** Turns the offer down: the interaction goes back to its place in the queue, for another agent. */
	public void reject(AgentId agent, OfferId offerId) {
		Offer offer = own(agent, offerId);
		Interaction interaction = store.find(offer.interaction()).orElseThrow(() -> new NotFoundException("offer"));
		if (offer.state() != Offer.State.PENDING
				|| !steps.requeue(interaction, offerId, agent, Offer.State.REJECTED)) {
			throw new ConflictException("offer-closed", "This offer is no longer open");
		}
	}

	/** What the agent has now: connected and in wrap-up. */
	public List<Interaction> interactions(AgentId agent) {
		return store.handledBy(agent);
	}

	/** One interaction the agent has or had; someone else's answers 403. */
	public Interaction get(AgentId agent, InteractionId id) {
		Interaction i = store.find(id).orElseThrow(() -> new NotFoundException("interaction"));
		if (!i.isHandledBy(agent)) {
			throw new RefusedException(RefusedException.Kind.NOT_YOURS, "not-yours", "This interaction is not yours");
		}
		return i;
	}

	/**
	 * The customer of an interaction the agent handles now (connected or in wrap-up): the one customer the agent
	 * may act for through it. Another agent's interaction, one that is over or an unknown one answer alike: not
	 * found.
	 */
	public CustomerId customerInHand(AgentId agent, InteractionId id) {
		Interaction i = id == null ? null : store.find(id).orElse(null);
		if (i == null || !i.isHandledBy(agent) || !i.state().isHandled()) {
			throw new NotFoundException("interaction");
		}
		return i.customer();
	}

	/** Sends a connected interaction to a queue or to a named agent, with a note for whoever takes it next. */
	public Interaction transfer(AgentId agent, InteractionId id, Transfer transfer) {
		Interaction i = handling(agent, id);
		var v = new Violations();
		boolean toQueue = transfer != null && transfer.queue() != null && !transfer.queue().isBlank();
		boolean toAgent = transfer != null && transfer.agent() != null;
		v.check(toQueue == toAgent, "queue", "one-target", "give either a queue or an agent");
		String note = transfer == null || transfer.note() == null || transfer.note().isBlank() ? null
				: transfer.note().strip();
		v.lines(note, MAX_NOTE, "note");
		v.check(toAgent && transfer.agent().equals(agent), "agent", "self", "must be another agent");
		Queue queue = toQueue ? queues.find(transfer.queue()).orElse(null) : queues.queue(i.queue());
		v.check(toQueue && queue == null, "queue", "unknown", "is not a queue");
		if (toAgent) {
			try {
				agents.agent(transfer.agent());
			}
			catch (NotFoundException e) {
				v.add("agent", "unknown", "is not an agent");
			}
		}
		v.throwIfAny();
		if (toQueue && !queue.serves(i.medium())) {
			throw new RefusedException(RefusedException.Kind.CANNOT_SERVE, "medium-not-served",
					"The queue " + queue.name() + " does not take " + i.medium().name().toLowerCase() + " contacts");
		}
		if (toAgent && !states.status(transfer.agent()).state().isAvailable()) {
			throw new RefusedException(RefusedException.Kind.CANNOT_SERVE, "agent-unavailable",
					"That agent is not taking contacts now");
		}
		boolean done = toQueue ? steps.transferToQueue(i, agent, queue, note)
				: steps.transferToAgent(i, agent, transfer.agent(), queue, note);
		if (!done) {
			throw new ConflictException("state", "The interaction moved on meanwhile; reload it");
		}
		return store.find(id).orElseThrow();
	}

	/** Ends the conversation; the agent then wraps up within the queue's limit. */
	public Interaction end(AgentId agent, InteractionId id) {
		Interaction i = handling(agent, id);
		if (i.state() != InteractionState.CONNECTED || !steps.end(i, agent, queues.queue(i.queue()))) {
			throw new ConflictException("state", "Only a connected interaction can be ended");
		}
		return store.find(id).orElseThrow();
	}

	/** Wraps up with a disposition and a summary: the interaction closes and its history record is written. */
	public Interaction wrapUp(AgentId agent, InteractionId id, Outcome disposition, String summary) {
		Interaction i = handling(agent, id);
		String text = summary == null || summary.isBlank() ? null : summary.strip();
		new Violations().check(disposition == null, "disposition", "required",
				"must be one of RESOLVED, FOLLOW_UP, ESCALATED, NO_ANSWER")
			.required(text, "summary").lines(text, MAX_SUMMARY, "summary").throwIfAny();
		if (!i.state().isHandled() || !steps.close(i, agent, disposition, text)) {
			throw new ConflictException("state", "Only a connected interaction or one in wrap-up can be wrapped up");
		}
		return store.find(id).orElseThrow();
	}

	private Interaction handling(AgentId agent, InteractionId id) {
		Interaction i = get(agent, id);
		if (i.state().isFinal()) {
			throw new ConflictException("closed", "This interaction is over");
		}
		return i;
	}

	private Offer own(AgentId agent, OfferId offerId) {
		if (offerId == null) {
			throw new NotFoundException("offer");
		}
		Offer offer = store.offer(offerId).orElseThrow(() -> new NotFoundException("offer"));
		if (!offer.agent().equals(agent)) {
			throw new RefusedException(RefusedException.Kind.NOT_YOURS, "not-yours", "This offer was made to another agent");
		}
		return offer;
	}
}

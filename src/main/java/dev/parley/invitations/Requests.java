package dev.parley.invitations;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.common.CustomerId;
import dev.parley.common.RefusedException;
import dev.parley.invitations.InvitationEvent.InvitationWithdrawn;
import dev.parley.invitations.internal.InvitationStore;
import dev.parley.routing.InteractionId;
import dev.parley.routing.Interactions;
import dev.parley.routing.NewContact;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;

/**
 * The customer's own side of a request for a named agent while it is pending: withdraw it, go to a queue instead
 * (withdrawn and queued in one transaction), or ask another agent instead. Each withdrawal is one conditional write
 * ({@code WHERE state = 'PENDING'}), so it and the agent's answer (or the expiry sweep) never both count.
 */
@Service
public class Requests {

	/** A request withdrawn for a queued contact: the request as it is now and the contact with its place in line. */
	public record Queued(Invitation request, Interactions.Seen contact) {
	}

	private final Invitations invitations;
	private final InvitationStore store;
	private final Interactions interactions;
	private final QueueManagement queues;
	private final AgentManagement agents;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Requests(Invitations invitations, InvitationStore store, Interactions interactions, QueueManagement queues,
			AgentManagement agents, ApplicationEventPublisher events, Optional<Clock> clock) {
		this.invitations = invitations;
		this.store = store;
		this.interactions = interactions;
		this.queues = queues;
		this.agents = agents;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The customer withdraws their pending request; answered, expired or withdrawn already: 409, nothing changes. */
	@Transactional
	public Invitation withdraw(CustomerId customer, InvitationId id) {
		return withdraw(withdrawable(invitations.get(customer, id)), null);
	}

	/**
	 * The customer stops waiting and starts a queued contact for the request's medium and topic instead, in a queue
	 * of the agent's group that takes the medium (an open one first). The contact is queued and the request
	 * withdrawn in one transaction: when the withdrawal loses (the agent answered first), the contact is rolled back
	 * with it; when the queue refuses the contact (closed, three contacts open), the request stays pending.
	 */
	@Transactional
	public Queued toQueue(CustomerId customer, InvitationId id) {
		Invitation request = withdrawable(invitations.get(customer, id));
		var contact = interactions.start(customer,
				new NewContact(request.medium(), null, queueFor(request).key(), request.topic()));
		return new Queued(withdraw(request, contact.interaction().id()), contact);
	}

	/**
	 * After the agent declined the request or it expired, the customer starts a queued contact for its medium and
	 * topic in a queue of the agent's group; the request stays as it ended. A request still pending goes through
	 * {@link #toQueue}; one accepted or withdrawn has its contact already (409).
	 */
	@Transactional
	public Interactions.Seen queueAfter(CustomerId customer, InvitationId id) {
		Invitation request = invitations.get(customer, id);
		if (request.direction() != Direction.TO_AGENT) {
			throw notARequest();
		}
		if (request.state() != InvitationState.DECLINED && request.state() != InvitationState.EXPIRED) {
			throw Invitations.closed(request, clock.instant());
		}
		return interactions.start(customer,
				new NewContact(request.medium(), null, queueFor(request).key(), request.topic()));
	}

	/**
	 * The customer asks another agent instead: the pending request is withdrawn and the new one sent in one
	 * transaction; a refusal of the new one (or the old one answered meanwhile) leaves the old one as it was.
	 */
	@Transactional
	public Invitation askInstead(CustomerId customer, InvitationId previous, NewRequest input) {
		withdraw(withdrawable(invitations.get(customer, previous)), null);
		return invitations.request(customer, input);
	}

	private Invitation withdrawable(Invitation i) {
		if (i.direction() != Direction.TO_AGENT) {
			throw notARequest();
		}
		Instant now = clock.instant();
		if (!i.isPending() || !i.expiresAt().isAfter(now)) {
			throw Invitations.closed(i, now);
		}
		return i;
	}

	private Invitation withdraw(Invitation i, InteractionId queued) {
		Instant now = clock.instant();
		if (!store.withdraw(i.id(), i.customer().value(), queued, now)) {
			throw Invitations.closed(store.find(i.id()).orElse(i), now); // rolls a queued contact back with it
		}
		events.publishEvent(new InvitationWithdrawn(i.id(), i.customer(), i.agent(), i.direction(), queued, now));
		return store.find(i.id()).orElseThrow();
	}

	private static RefusedException notARequest() {
		return new RefusedException(RefusedException.Kind.NOT_YOURS, "not-yours",
				"An agent sent this invitation; decline it instead of withdrawing it");
	}

	private Queue queueFor(Invitation request) {
		Agent agent = agents.agent(request.agent());
		Instant now = clock.instant();
		return queues.queues().stream()
			.filter(q -> q.groupKey().equals(agent.groupKey()) && q.serves(request.medium()))
			.min(Comparator.comparing((Queue q) -> !queues.isOpen(q, now)))
			.orElseThrow(() -> new RefusedException(RefusedException.Kind.CANNOT_SERVE, "no-queue",
					"No queue of this agent's group takes " + request.medium().name().toLowerCase(Locale.ROOT)
							+ " contacts"));
	}
}

package dev.parley.invitations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.common.AgentId;
import dev.parley.common.ConflictException;
import dev.parley.common.CustomerId;
import dev.parley.common.NotFoundException;
import dev.parley.common.RefusedException;
import dev.parley.invitations.InvitationEvent.InvitationAccepted;
import dev.parley.invitations.InvitationEvent.InvitationDeclined;
import dev.parley.invitations.InvitationEvent.InvitationExpired;
import dev.parley.invitations.InvitationEvent.InvitationSent;
import dev.parley.invitations.internal.InvitationStore;
import dev.parley.routing.Interaction;
import dev.parley.routing.Interactions;

/**
 * Invitations both ways: an agent invites a customer ({@link #invite}), a customer asks for a named agent
 * ({@link #request}); the other side accepts or declines, or it expires. Every rule is checked before anything is
 * stored ({@link InvitationRules}); each answer is one conditional write, so of two answers (or an answer and the
 * expiry sweep) on any nodes exactly one wins. Accepting creates an interaction already connected to the agent, in
 * the same transaction as the answer.
 */
@Service
public class Invitations {

	public static final int MAX_TOPIC = 200;
	static final Pattern ORDER = Pattern.compile("[A-Z]{2,4}-\\d{1,12}");
	private static final int LIST = 50;

	private final InvitationStore store;
	private final InvitationFacts facts;
	private final Interactions interactions;
	private final ApplicationEventPublisher events;
	private final InvitationSettings settings;
	private final TransactionTemplate tx;
	private final Clock clock;

	Invitations(InvitationStore store, InvitationFacts facts, Interactions interactions,
			ApplicationEventPublisher events, InvitationSettings settings, PlatformTransactionManager transactions,
			Optional<Clock> clock) {
		this.store = store;
		this.facts = facts;
		this.interactions = interactions;
		this.events = events;
		this.settings = settings;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** An agent invites a customer: checked against every rule, stored, announced; a refusal sends nothing. */
	@Transactional
	public Invitation invite(AgentId agent, NewInvitation input) {
		Instant now = clock.instant();
		var checked = facts.checkInvitation(agent, input);
		expireOverdueBetween(input.customer(), agent, now);
		var f = facts.forInvitation(agent, input.customer(), now);
		InvitationRules.checkInvitation(input.medium(), f, InvitationRules.Limits.of(settings)).ifPresent(e -> {
			throw e;
		});
		var invitation = new Invitation(InvitationId.random(), Direction.TO_CUSTOMER, input.customer(), agent,
				input.medium(), checked.topic(), checked.order(), input.product(), InvitationState.PENDING, now,
				now.plus(settings.lifetime()), null, null, null, 0);
		return send(invitation);
	}

	/** A customer asks for a named agent; the agent gets it live, or when they next sign in while it is open. */
	@Transactional
	public Invitation request(CustomerId customer, NewRequest input) {
		Instant now = clock.instant();
		String topic = facts.checkRequest(input);
		expireOverdueBetween(customer, input.agent(), now);
		var f = facts.forRequest(input.agent(), customer, now);
		InvitationRules.checkRequest(input.medium(), f, InvitationRules.Limits.of(settings)).ifPresent(e -> {
			throw e;
		});
		var invitation = new Invitation(InvitationId.random(), Direction.TO_AGENT, customer, input.agent(),
				input.medium(), topic, null, null, InvitationState.PENDING, now, now.plus(settings.requestLifetime()),
				null, null, null, 0);
		return send(invitation);
	}

	/** The customer's invitations and requests, newest first. */
	public List<Invitation> ofCustomer(CustomerId customer) {
		return store.ofCustomer(customer, LIST);
	}

	/** The agent's invitations and the requests for them, newest first. */
	public List<Invitation> ofAgent(AgentId agent) {
		return store.ofAgent(agent, LIST);
	}

	/** One of the customer's; another customer's answers as unknown. */
	public Invitation get(CustomerId customer, InvitationId id) {
		return store.find(id).filter(i -> i.customer().equals(customer))
			.orElseThrow(() -> new NotFoundException("invitation"));
	}

	/** The customer accepts an agent's invitation: an interaction connected to that agent, at once. */
	@Transactional
	public Invitation accept(CustomerId customer, InvitationId id) {
		return accept(answerable(get(customer, id), customer.value()), customer.value());
	}

	@Transactional
	public Invitation decline(CustomerId customer, InvitationId id) {
		return decline(answerable(get(customer, id), customer.value()), customer.value());
	}

	/** The agent accepts a customer's request: an interaction connected to them, at once. */
	@Transactional
	public Invitation accept(AgentId agent, InvitationId id) {
		return accept(answerable(ofAgent(agent, id), agent.value()), agent.value());
	}

	@Transactional
	public Invitation decline(AgentId agent, InvitationId id) {
		return decline(answerable(ofAgent(agent, id), agent.value()), agent.value());
	}

	/** Expires every pending invitation whose time is up, each in its own transaction; how many this call did. */
	public int expireDue() {
		int done = 0;
		for (Invitation i : store.overdue(clock.instant(), 200)) {
			if (Boolean.TRUE.equals(tx.execute(s -> expire(i, clock.instant())))) {
				done++;
			}
		}
		return done;
	}

	/** Names for showing an invitation: the customer's, the agent's and their group's. */
	public InvitationFacts.Names names(Invitation i) {
		return facts.names(i);
	}

	private Invitation send(Invitation invitation) {
		if (!store.insert(invitation)) {
			throw InvitationRules.duplicate(); // another node, or a double click, stored one first
		}
		events.publishEvent(new InvitationSent(invitation.id(), invitation.customer(), invitation.agent(),
				invitation.direction(), invitation.createdAt()));
		return invitation;
	}

	private Invitation accept(Invitation i, UUID by) {
		Instant now = clock.instant();
		String topic = i.topic() != null ? i.topic() : i.order() != null ? "Order " + i.order() : null;
		Interaction started = interactions.startConnected(i.customer(), i.agent(), i.medium(), i.product(), topic);
		if (!store.accept(i.id(), by, started.id(), now)) {
			throw closed(store.find(i.id()).orElse(i), now); // rolls the interaction back with it
		}
		events.publishEvent(new InvitationAccepted(i.id(), i.customer(), i.agent(), i.direction(), started.id(), now));
		return store.find(i.id()).orElseThrow();
	}

	private Invitation decline(Invitation i, UUID by) {
		Instant now = clock.instant();
		if (!store.decline(i.id(), by, now)) {
			throw closed(store.find(i.id()).orElse(i), now);
		}
		events.publishEvent(new InvitationDeclined(i.id(), i.customer(), i.agent(), i.direction(), now));
		return store.find(i.id()).orElseThrow();
	}

	private boolean expire(Invitation i, Instant now) {
		if (!store.expire(i.id(), now)) {
			return false;
		}
		events.publishEvent(new InvitationExpired(i.id(), i.customer(), i.agent(), i.direction(), now));
		return true;
	}

	private void expireOverdueBetween(CustomerId customer, AgentId agent, Instant now) {
		store.overdueBetween(customer, agent, now).ifPresent(i -> expire(i, now));
	}

	private Invitation ofAgent(AgentId agent, InvitationId id) {
		Invitation i = store.find(id).orElseThrow(() -> new NotFoundException("invitation"));
		if (!i.agent().equals(agent)) {
			throw new RefusedException(RefusedException.Kind.NOT_YOURS, "not-yours", "This invitation is another agent's");
		}
		return i;
	}

	/** Only the invited side answers, and only while it is open. */
	private Invitation answerable(Invitation i, UUID caller) {
		if (!i.answerer().equals(caller)) {
			throw new RefusedException(RefusedException.Kind.NOT_YOURS, "not-yours",
					"You sent this invitation; the other side answers it");
		}
		Instant now = clock.instant();
		if (!i.isPending() || !i.expiresAt().isAfter(now)) {
			throw closed(i, now);
		}
		return i;
	}

	static ConflictException closed(Invitation i, Instant now) {
		if (i.state() == InvitationState.EXPIRED || i.isPending() && !i.expiresAt().isAfter(now)) {
			return new ConflictException("expired", "This invitation has expired");
		}
		return new ConflictException("answered", "This invitation was " + i.state().token() + " already");
	}
}

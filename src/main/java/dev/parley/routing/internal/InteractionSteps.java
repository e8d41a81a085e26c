package dev.parley.routing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.Outcome;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionAbandoned;
import dev.parley.routing.InteractionClosed;
import dev.parley.routing.InteractionConnected;
import dev.parley.routing.InteractionEnded;
import dev.parley.routing.InteractionId;
import dev.parley.routing.InteractionOffered;
import dev.parley.routing.InteractionQueued;
import dev.parley.routing.InteractionTransferred;
import dev.parley.routing.Offer;
import dev.parley.routing.OfferEnded;
import dev.parley.routing.OfferId;
import dev.parley.routing.Queue;

/**
 * Each step of an interaction in one transaction: the conditional write that decides it, its time-stamped
 * step row, and its event. A step whose condition no longer holds (someone else decided first) writes
 * nothing and returns empty or false.
 */
@Component
public class InteractionSteps {

	private final InteractionStore store;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	InteractionSteps(InteractionStore store, ApplicationEventPublisher events, Optional<Clock> clock) {
		this.store = store;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public Instant now() {
		return clock.instant();
	}

	@Transactional
	public Interaction create(Interaction interaction) {
		store.insert(interaction);
		store.step(interaction.id(), "queued", interaction.createdAt(), null, interaction.queue(), null);
		events.publishEvent(new InteractionQueued(interaction.id(), interaction.customer(), interaction.queue(),
				interaction.medium(), interaction.createdAt()));
		return interaction;
	}

	/** Creates an interaction already connected to its agent (an accepted invitation): no queue, no offer. */
	@Transactional
	public Interaction createConnected(Interaction interaction) {
		store.insertConnected(interaction);
		store.step(interaction.id(), "invited", interaction.createdAt(), interaction.agent(), interaction.queue(), null);
		store.step(interaction.id(), "accepted", interaction.createdAt(), interaction.agent(), interaction.queue(), null);
		events.publishEvent(new InteractionConnected(interaction.id(), interaction.customer(), interaction.agent(),
				interaction.createdAt()));
		return interaction;
	}

	/** Offers a queued interaction to an agent; false when it is no longer queued. */
	@Transactional
	public boolean offer(Interaction interaction, AgentId agent, Queue queue) {
		Instant now = now();
		Instant expires = now.plus(queue.offerTimeout());
		OfferId offer = OfferId.random();
		if (!store.offer(interaction.id(), offer, agent, expires, now)) {
			return false;
		}
		store.step(interaction.id(), "offered", now, agent, queue.key(), null);
		events.publishEvent(new InteractionOffered(interaction.id(), interaction.customer(), offer, agent,
				queue.key(), interaction.medium(), expires, now));
		return true;
	}

	/** The offered agent takes it: exactly one accept of one offer ever succeeds. */
	@Transactional
	public boolean accept(Interaction interaction, OfferId offer, AgentId agent) {
		Instant now = now();
		if (!store.accept(interaction.id(), offer, agent, now)) {
			return false;
		}
		store.step(interaction.id(), "accepted", now, agent, interaction.queue(), null);
		events.publishEvent(new OfferEnded(interaction.id(), interaction.customer(), offer, agent,
				Offer.State.ACCEPTED, now));
		events.publishEvent(new InteractionConnected(interaction.id(), interaction.customer(), agent, now));
		return true;
	}

	/** The offer is turned down, ran out or was withdrawn (the agent stopped working): back to its place in the queue. */
	@Transactional
	public boolean requeue(Interaction interaction, OfferId offer, AgentId agent, Offer.State outcome) {
		Instant now = now();
		if (!store.requeue(interaction.id(), offer, outcome, now)) {
			return false;
		}
		store.step(interaction.id(), outcome.name().toLowerCase(java.util.Locale.ROOT), now, agent,
				interaction.queue(), null);
		events.publishEvent(new OfferEnded(interaction.id(), interaction.customer(), offer, agent, outcome, now));
		events.publishEvent(new InteractionQueued(interaction.id(), interaction.customer(), interaction.queue(),
				interaction.medium(), now));
		return true;
	}

	@Transactional
	public boolean transferToQueue(Interaction interaction, AgentId from, Queue to, String note) {
		Instant now = now();
		if (!store.requeueTo(interaction.id(), from, to.key(), note)) {
			return false;
		}
		store.step(interaction.id(), "transferred", now, from, to.key(), note);
		events.publishEvent(new InteractionTransferred(interaction.id(), interaction.customer(), from, to.key(), null,
				note, now));
		events.publishEvent(new InteractionQueued(interaction.id(), interaction.customer(), to.key(),
				interaction.medium(), now));
		return true;
	}

	@Transactional
	public boolean transferToAgent(Interaction interaction, AgentId from, AgentId to, Queue queue, String note) {
		Instant now = now();
		Instant expires = now.plus(queue.offerTimeout());
		OfferId offer = OfferId.random();
		if (!store.offerOnward(interaction.id(), from, offer, to, expires, note, now)) {
			return false;
		}
		store.step(interaction.id(), "transferred", now, from, null, note);
		store.step(interaction.id(), "offered", now, to, interaction.queue(), null);
		events.publishEvent(new InteractionTransferred(interaction.id(), interaction.customer(), from, null, to, note,
				now));
		events.publishEvent(new InteractionOffered(interaction.id(), interaction.customer(), offer, to,
				interaction.queue(), interaction.medium(), expires, now));
		return true;
	}

	/** The conversation ends; the agent wraps up within the queue's limit. {@code agent} null: the customer left. */
	@Transactional
	public boolean end(Interaction interaction, AgentId agent, Queue queue) {
		Instant now = now();
		if (!store.end(interaction.id(), agent, now.plus(queue.wrapUpLimit()), now)) {
			return false;
		}
		// step names fit interaction_steps.step (12 characters)
		store.step(interaction.id(), agent == null ? "left" : "ended", now, interaction.agent(),
				interaction.queue(), null);
		events.publishEvent(new InteractionEnded(interaction.id(), interaction.customer(), interaction.agent(),
				agent == null, now));
		return true;
	}

	@Transactional
	public boolean close(Interaction interaction, AgentId agent, Outcome disposition, String summary) {
		Instant now = now();
		if (!store.close(interaction.id(), agent, disposition, summary, now)) {
			return false;
		}
		store.step(interaction.id(), "closed", now, agent, interaction.queue(), disposition.name());
		Instant ended = interaction.endedAt() == null ? now : interaction.endedAt();
		events.publishEvent(new InteractionClosed(interaction.id(), interaction.customer(), agent,
				interaction.medium(), interaction.queue(), interaction.product(), interaction.topic(),
				interaction.createdAt(), interaction.connectedAt(), ended, disposition, summary, now));
		return true;
	}

	@Transactional
	public boolean abandon(Interaction interaction, CustomerId customer) {
		Instant now = now();
		if (!store.abandon(interaction.id(), customer, now)) {
			return false;
		}
		store.step(interaction.id(), "abandoned", now, null, interaction.queue(), null);
		if (interaction.offer() != null) {
			events.publishEvent(new OfferEnded(interaction.id(), interaction.customer(), interaction.offer(),
					interaction.offeredTo(), Offer.State.WITHDRAWN, now));
		}
		events.publishEvent(new InteractionAbandoned(interaction.id(), interaction.customer(), interaction.queue(), now));
		return true;
	}

	public Optional<Interaction> find(InteractionId id) {
		return store.find(id);
	}
}

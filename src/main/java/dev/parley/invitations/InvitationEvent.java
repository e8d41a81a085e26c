package dev.parley.invitations;

import java.time.Instant;

import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;

/**
 * A step of an invitation, announced in the transaction that wrote it (through the event publication registry):
 * live push tells both sides at once.
 */
public sealed interface InvitationEvent permits InvitationEvent.InvitationSent, InvitationEvent.InvitationAccepted,
		InvitationEvent.InvitationDeclined, InvitationEvent.InvitationExpired,
		InvitationEvent.InvitationWithdrawn {

	InvitationId invitation();

	CustomerId customer();

	AgentId agent();

	Direction direction();

	Instant at();

	/** The state the invitation is in after this step. */
	InvitationState state();

	/** An agent invited a customer, or a customer asked for an agent. */
	record InvitationSent(InvitationId invitation, CustomerId customer, AgentId agent, Direction direction,
			Instant at) implements InvitationEvent {

		@Override
		public InvitationState state() {
			return InvitationState.PENDING;
		}
	}

	/** The invitation was accepted: {@code interaction} is the connected contact it became. */
	record InvitationAccepted(InvitationId invitation, CustomerId customer, AgentId agent, Direction direction,
			dev.parley.routing.InteractionId interaction, Instant at) implements InvitationEvent {

		@Override
		public InvitationState state() {
			return InvitationState.ACCEPTED;
		}
	}

	record InvitationDeclined(InvitationId invitation, CustomerId customer, AgentId agent, Direction direction,
			Instant at) implements InvitationEvent {

		@Override
		public InvitationState state() {
			return InvitationState.DECLINED;
		}
	}

	/** Nobody answered in time. */
	record InvitationExpired(InvitationId invitation, CustomerId customer, AgentId agent, Direction direction,
			Instant at) implements InvitationEvent {

		@Override
		public InvitationState state() {
			return InvitationState.EXPIRED;
		}
	}

	/**
	 * The customer withdrew their pending request; {@code interaction} is the queued contact they went to instead,
	 * or null when they only withdrew it.
	 */
	record InvitationWithdrawn(InvitationId invitation, CustomerId customer, AgentId agent, Direction direction,
			dev.parley.routing.InteractionId interaction, Instant at) implements InvitationEvent {

		@Override
		public InvitationState state() {
			return InvitationState.WITHDRAWN;
		}
	}
}

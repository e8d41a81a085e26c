package dev.parley.invitations;

import java.time.Instant;
import java.util.UUID;

import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.routing.InteractionId;

/**
 * One invitation and its outcome: who invited whom ({@code direction}), on which medium, about what (a topic, an
 * order number, a product), when it was sent and until when it is open, and once answered: the state, when, by
 * whom (the account that accepted or declined; null when it expired) and, when accepted, the interaction it became.
 */
public record Invitation(InvitationId id, Direction direction, CustomerId customer, AgentId agent, Medium medium,
		String topic, String order, ProductId product, InvitationState state, Instant createdAt, Instant expiresAt,
		Instant answeredAt, UUID answeredBy, InteractionId interaction, long version) {

	/** The side that answers it: the customer for an agent's invitation, the agent for a customer's request. */
	public UUID answerer() {
		return direction == Direction.TO_CUSTOMER ? customer.value() : agent.value();
	}

	public boolean isPending() {
		return state == InvitationState.PENDING;
	}
}

package dev.parley.routing;

import java.time.Instant;

import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;

/** An interaction was offered to an agent, who has until {@code expiresAt} to accept it. */
public record InteractionOffered(InteractionId interaction, CustomerId customer, OfferId offer, AgentId agent,
		String queue, Medium medium, Instant expiresAt, Instant at) implements InteractionEvent {
}

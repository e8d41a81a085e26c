package dev.parley.routing;

import java.time.Instant;

import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;

/** An agent took the interaction: customer and agent are connected. */
public record InteractionConnected(InteractionId interaction, CustomerId customer, AgentId agent, Instant at)
		implements InteractionEvent {
}

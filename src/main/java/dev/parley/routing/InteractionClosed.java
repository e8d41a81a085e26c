package dev.parley.routing;

import java.time.Instant;

import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.common.Outcome;

/** The agent wrapped the interaction up (or its wrap-up time ran out): what history keeps of it. */
public record InteractionClosed(InteractionId interaction, CustomerId customer, AgentId agent, Medium medium,
		String queue, ProductId product, String topic, Instant createdAt, Instant connectedAt, Instant endedAt,
		Outcome disposition, String summary, Instant at) implements InteractionEvent {
}

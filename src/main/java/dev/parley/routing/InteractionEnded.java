package dev.parley.routing;

import java.time.Instant;

import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;

/** The conversation ended ({@code byCustomer}: the customer left); the agent wraps it up. */
public record InteractionEnded(InteractionId interaction, CustomerId customer, AgentId agent, boolean byCustomer,
		Instant at) implements InteractionEvent {
}

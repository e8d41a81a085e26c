package dev.parley.routing;

import java.time.Instant;

import dev.parley.common.CustomerId;

/** The customer left before any agent took the interaction. */
public record InteractionAbandoned(InteractionId interaction, CustomerId customer, String queue, Instant at)
		implements InteractionEvent {
}

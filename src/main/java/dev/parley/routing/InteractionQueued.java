package dev.parley.routing;

import java.time.Instant;

import dev.parley.common.CustomerId;
import dev.parley.common.Medium;

/** An interaction entered a queue: new, transferred to it, or back after an offer nobody took. */
public record InteractionQueued(InteractionId interaction, CustomerId customer, String queue, Medium medium,
		Instant at) implements InteractionEvent {
}

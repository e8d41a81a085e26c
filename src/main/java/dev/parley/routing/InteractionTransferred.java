package dev.parley.routing;

import java.time.Instant;

import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;

/** An agent sent the interaction on: to a queue or to a named agent, with a note. */
public record InteractionTransferred(InteractionId interaction, CustomerId customer, AgentId from, String toQueue,
		AgentId toAgent, String note, Instant at) implements InteractionEvent {
}

package dev.parley.history;

/** A record with the names people read next to its ids: the product's (null if general) and the agent's. */
public record NamedInteraction(InteractionRecord record, String productName, String agentName) {
}

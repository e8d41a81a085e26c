/**
 * History: the record of every past interaction between a customer and the center (product, agent,
 * medium, time, outcome, summary, transcript) and the customer's rating of it. Customers read their own
 * history filtered and grouped by product and agent. Every interaction routing closes is recorded here (with its
 * chat transcript), from the {@code InteractionClosed} event.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "catalog", "common", "routing",
		"chat" })
package dev.parley.history;

/**
 * History: the record of every past interaction between a customer and the center (product, agent,
 * medium, time, outcome, summary, transcript) and the customer's rating of it. Customers read their own
 * history filtered and grouped by product and agent; later modules (chat, routing) record interactions.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "catalog", "common" })
package dev.parley.history;

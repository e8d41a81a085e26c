/**
 * Routing, the broker's core: queues (served media, categories, required skills, strategy, offer timeout,
 * wrap-up limit) and interactions, each a contact with a life: queued, offered, connected, wrap-up, closed,
 * or abandoned; transferred back to a queue or to a named agent. The best ready agent with free capacity
 * gets an offer; who wins an interaction, and every step of it, is a conditional write in the database, so
 * several nodes on one database never both decide. The routing board (who waits, who is free) is a cache of
 * the database on each node. Steps are announced as events ({@link dev.parley.routing.InteractionEvent}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "agent", "customer", "catalog",
		"identity" })
package dev.parley.routing;

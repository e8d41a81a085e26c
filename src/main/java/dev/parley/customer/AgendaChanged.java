package dev.parley.customer;

/** A customer saved a new agenda; presence re-reads it so "in a meeting" follows the change at once. */
public record AgendaChanged(CustomerId customer) {
}

package dev.parley.customer;

import dev.parley.common.CustomerId;

/** A customer saved a new agenda; presence re-reads it so "in a meeting" follows the change at once. */
public record AgendaChanged(CustomerId customer) {
}

package dev.parley.history;

import java.time.Instant;

import dev.parley.common.CustomerId;

/** A customer rated one of their interactions (1 to 5; null: the rating was taken back). */
public record InteractionRated(InteractionRecordId interaction, CustomerId customer, Integer rating, Instant at) {
}

package dev.parley.history;

import java.time.Instant;
import java.util.UUID;

import dev.parley.catalog.ProductId;

/** What a finished interaction leaves behind; {@code productId} and {@code transcript} are optional. */
public record NewInteraction(UUID customerId, ProductId productId, UUID agentId, Medium medium,
		Direction direction, Instant startedAt, Instant endedAt, Outcome outcome, String summary,
		String transcript) {
}

package dev.parley.history;

import java.time.Instant;
import java.util.UUID;

import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.common.Outcome;

/** What a finished interaction leaves behind; {@code productId} and {@code transcript} are optional. */
public record NewInteraction(CustomerId customerId, ProductId productId, AgentId agentId, Medium medium,
		Direction direction, Instant startedAt, Instant endedAt, Outcome outcome, String summary,
		String transcript) {
}

package dev.parley.history;

import java.time.Instant;
import java.util.UUID;

import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.common.Outcome;

/**
 * One past interaction. {@code customerId} and {@code agentId} are account UUIDs; {@code productId} is
 * null for general interactions; {@code transcript} and the rating fields are null until filled.
 */
public record InteractionRecord(InteractionRecordId id, CustomerId customerId, ProductId productId, AgentId agentId,
		Medium medium, Direction direction, Instant startedAt, Instant endedAt, Outcome outcome, String summary,
		String transcript, Integer rating, String ratingComment, Instant ratedAt, long version) {

	public boolean isRated() {
		return rating != null;
	}

	public boolean belongsTo(CustomerId customer) {
		return customerId.equals(customer);
	}

	InteractionRecord rated(Integer newRating, String newComment, Instant at) {
		return new InteractionRecord(id, customerId, productId, agentId, medium, direction, startedAt, endedAt,
				outcome, summary, transcript, newRating, newComment, at, version + 1);
	}
}

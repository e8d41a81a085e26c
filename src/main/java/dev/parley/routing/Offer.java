package dev.parley.routing;

import java.time.Instant;

import dev.parley.common.AgentId;

/** An interaction offered to one agent until {@code expiresAt}. */
public record Offer(OfferId id, InteractionId interaction, AgentId agent, State state, Instant offeredAt,
		Instant expiresAt, Instant answeredAt) {

	public enum State {
		PENDING, ACCEPTED, REJECTED, EXPIRED, WITHDRAWN
	}
}

package dev.parley.routing;

import java.time.Instant;

import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.common.Outcome;

/**
 * One contact between a customer and the center. {@code agent} is who has it (connected, wrap-up, closed);
 * while offered, {@code offer}, {@code offeredTo} and {@code offerExpiresAt} say to whom and until when.
 * {@code transferNote} is what the last agent left for the next one; {@code transferredFrom} who that was
 * (routing does not offer it back to them). {@code version} grows with every step.
 */
public record Interaction(InteractionId id, CustomerId customer, Medium medium, String queue, ProductId product,
		String topic, int priority, InteractionState state, AgentId agent, OfferId offer, AgentId offeredTo,
		Instant offerExpiresAt, String transferNote, AgentId transferredFrom, Instant createdAt, Instant enqueuedAt, long enqueueSeq,
		Instant connectedAt, Instant endedAt, Instant closedAt, Outcome disposition, String summary,
		Instant wrapUpDeadline, long version) {

	public boolean isFor(CustomerId who) {
		return customer.equals(who);
	}

	/** The agent who has it now or had it last. */
	public boolean isHandledBy(AgentId who) {
		return agent != null && agent.equals(who);
	}
}

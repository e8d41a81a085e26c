package dev.parley.routing;

import java.time.Instant;

import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;

/** An offer was answered or went: accepted, rejected, expired, or withdrawn (the customer left). */
public record OfferEnded(InteractionId interaction, CustomerId customer, OfferId offer, AgentId agent,
		Offer.State outcome, Instant at) implements InteractionEvent {
}

package dev.parley.routing;

import java.time.Instant;

import dev.parley.common.CustomerId;

/**
 * A step of an interaction, announced in the transaction that wrote it. Live push, history, status and alerts
 * listen; each carries the interaction, its customer and when it happened.
 */
public sealed interface InteractionEvent permits InteractionQueued, InteractionOffered, OfferEnded,
		InteractionConnected, InteractionTransferred, InteractionEnded, InteractionClosed, InteractionAbandoned {

	InteractionId interaction();

	CustomerId customer();

	Instant at();
}

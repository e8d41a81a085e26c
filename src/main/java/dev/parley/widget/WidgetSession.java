package dev.parley.widget;

import java.time.Instant;

import dev.parley.common.CustomerId;
import dev.parley.routing.InteractionId;

/** A widget visitor's session: the customer it speaks for, its one interaction, until when; the token only once. */
public record WidgetSession(String token, CustomerId customer, InteractionId interaction, Instant expiresAt) {
}

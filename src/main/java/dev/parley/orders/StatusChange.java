package dev.parley.orders;

import java.time.Instant;
import java.util.UUID;

/**
 * One step of an order's timeline, at a time in UTC. A SHIPPED step carries the carrier and tracking
 * number; a CANCELLED step who cancelled ({@code by}, an account id, null for the system) and why.
 */
public record StatusChange(OrderStatus status, Instant at, String carrier, String trackingNumber, UUID by,
		String reason) {

	public static StatusChange of(OrderStatus status, Instant at) {
		return new StatusChange(status, at, null, null, null, null);
	}
}

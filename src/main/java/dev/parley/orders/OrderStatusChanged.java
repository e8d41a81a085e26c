package dev.parley.orders;

import java.time.Instant;

import dev.parley.common.CustomerId;

/**
 * An order moved to another status (placed, paid, shipped, delivered, cancelled, returned); announced in the
 * transaction that saved it. {@code previous} is null for a new order.
 */
public record OrderStatusChanged(OrderId order, String number, CustomerId customer, OrderStatus previous,
		OrderStatus status, Instant at) {
}

package dev.parley.orders;

import java.util.Objects;

import dev.parley.catalog.ProductId;

/** One line of an order: the product, its name when ordered, quantity and unit price in minor units. */
public record OrderItem(ProductId productId, String productName, int quantity, long unitPriceCents, String currency) {

	public OrderItem {
		Objects.requireNonNull(productId, "productId");
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity must be at least 1");
		}
	}

	public long totalCents() {
		return unitPriceCents * quantity;
	}
}

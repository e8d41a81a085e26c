package dev.parley.orders;

import java.time.Instant;

import dev.parley.catalog.ProductId;

/** A product a customer owns: delivered and not returned, summed over their orders. */
public record OwnedProduct(ProductId productId, String productName, int quantity, Instant lastDeliveredAt) {
}

package dev.parley.orders;

import java.util.List;
import java.util.UUID;

import dev.parley.catalog.ProductId;
import dev.parley.common.CustomerId;

/** An order to place for a customer: product lines and where to deliver. Names and prices come from the catalog. */
public record NewOrder(CustomerId customerId, List<Line> lines, DeliveryAddress address) {

	public NewOrder {
		lines = lines == null ? List.of() : List.copyOf(lines);
	}

	public record Line(ProductId productId, int quantity) {
	}
}

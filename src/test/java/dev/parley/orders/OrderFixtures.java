package dev.parley.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.Category;
import dev.parley.catalog.Product;
import dev.parley.catalog.ProductId;
import dev.parley.common.CustomerId;

/** Catalog products and orders for tests, placed through the services. */
public final class OrderFixtures {

	private OrderFixtures() {
	}

	public static DeliveryAddress address() {
		return new DeliveryAddress("Alice Example", "Main Street 1", null, "10115", "Berlin", null, "DE");
	}

	/** A fresh category with one product at the given price in EUR. */
	public static Product product(Catalog catalog, String name, long priceCents) {
		String key = "c" + UUID.randomUUID().toString().substring(0, 8);
		catalog.addCategory(new Category(key, "Category " + key, "for tests", 1));
		return catalog.addProduct(new Product(ProductId.random(), "SKU-" + UUID.randomUUID().toString().substring(0, 12),
				name, key, "A product for tests", priceCents, "EUR", true, List.of(), List.of()));
	}

	public static Order place(OrderFulfilment fulfilment, UUID customer, Product product, int quantity, Instant at) {
		return fulfilment.place(new NewOrder(new CustomerId(customer), List.of(new NewOrder.Line(product.id(), quantity)), address()),
				null, at);
	}

	public static Order shipped(OrderFulfilment fulfilment, UUID customer, Product product) {
		var order = place(fulfilment, customer, product, 1, null);
		fulfilment.pay(order.id(), null, null);
		return fulfilment.ship(order.id(), "DHL", "JD014600003", null, null);
	}
}

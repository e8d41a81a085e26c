package dev.parley.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.parley.orders.DeliveryAddress;
import dev.parley.orders.Order;
import dev.parley.orders.OrderItem;
import dev.parley.orders.StatusChange;

/** An order as the API shows it. Money in minor units; status lower case; times in UTC. */
record OrderView(UUID id, String number, String status, Instant placedAt, int itemCount, long total,
		String currency, List<Item> items, DeliveryAddress deliveryAddress, List<Step> timeline, boolean cancellable,
		boolean addressChangeable, long version) {

	record Item(UUID productId, String productName, int quantity, long unitPrice, String currency, long total) {
		static Item of(OrderItem i) {
			return new Item(i.productId().value(), i.productName(), i.quantity(), i.unitPriceCents(), i.currency(),
					i.totalCents());
		}
	}

	record Step(String status, Instant at, String carrier, String trackingNumber, UUID by, String reason) {
		static Step of(StatusChange s) {
			return new Step(s.status().key(), s.at(), s.carrier(), s.trackingNumber(), s.by(), s.reason());
		}
	}

	static OrderView of(Order o) {
		return new OrderView(o.id().value(), o.number(), o.status().key(), o.placedAt(), o.itemCount(),
				o.totalCents(), o.currency(), o.items().stream().map(Item::of).toList(), o.address(),
				o.timeline().stream().map(Step::of).toList(), o.isCancellable(), o.isAddressChangeable(), o.version());
	}
}

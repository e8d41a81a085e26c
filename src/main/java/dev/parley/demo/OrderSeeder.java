package dev.parley.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.stereotype.Component;

import dev.parley.catalog.ProductId;
import dev.parley.common.CustomerId;
import dev.parley.identity.AccountId;
import dev.parley.orders.DeliveryAddress;
import dev.parley.orders.NewOrder;
import dev.parley.orders.Order;
import dev.parley.orders.OrderFulfilment;
import dev.parley.orders.OrderStatus;

/**
 * Two to five orders per demo customer over the demo products, placed over the last six months. The
 * statuses take turns, so together the orders show every status (placed, paid, shipped with carrier and
 * tracking number, delivered, cancelled, returned). Seeds nothing without customers or products.
 */
@Component
class OrderSeeder implements DemoSeeder {

	private static final OrderStatus[] TURNS = { OrderStatus.DELIVERED, OrderStatus.SHIPPED, OrderStatus.PLACED,
			OrderStatus.CANCELLED, OrderStatus.PAID, OrderStatus.RETURNED, OrderStatus.DELIVERED };
	private static final String[] CARRIERS = { "DHL", "UPS", "DPD", "GLS" };
	private static final String[][] PLACES = { { "Hauptstraße 12", "10115", "Berlin", null, "DE" },
			{ "Keizersgracht 221", "1016 DV", "Amsterdam", null, "NL" },
			{ "Ringstraße 4", "1010", "Wien", null, "AT" }, { "12 Rue de Rivoli", "75001", "Paris", null, "FR" },
			{ "500 Market Street", "94105", "San Francisco", "CA", "US" } };

	private final OrderFulfilment fulfilment;

	OrderSeeder(OrderFulfilment fulfilment) {
		this.fulfilment = fulfilment;
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public void seed(DemoDataset dataset) {
		if (dataset.customers.isEmpty() || dataset.products.isEmpty()) {
			return;
		}
		var random = new Random(50);
		Instant now = Instant.now();
		int turn = 0;
		for (var customer : dataset.customers) {
			var address = address(customer.name(), PLACES[random.nextInt(PLACES.length)]);
			int count = 2 + random.nextInt(4);
			for (int i = 0; i < count; i++) {
				var status = TURNS[turn++ % TURNS.length];
				var request = new NewOrder(new CustomerId(customer.id()), lines(dataset, random), address);
				seedOne(request, status, placedAt(status, now, random), random);
			}
		}
	}

	private void seedOne(NewOrder request, OrderStatus status, Instant placed, Random random) {
		Order order = fulfilment.place(request, null, placed);
		if (status == OrderStatus.PLACED) {
			return;
		}
		Instant at = placed.plus(Duration.ofMinutes(20 + random.nextInt(300)));
		if (status == OrderStatus.CANCELLED) {
			fulfilment.cancel(order.id(), random.nextBoolean() ? "Found a better offer" : null,
					new AccountId(request.customerId().value()), at);
			return;
		}
		fulfilment.pay(order.id(), null, at);
		if (status == OrderStatus.PAID) {
			return;
		}
		at = at.plus(Duration.ofHours(18 + random.nextInt(30)));
		String tracking = String.format("%s%010d", "JJD", random.nextInt(1_000_000_000));
		fulfilment.ship(order.id(), CARRIERS[random.nextInt(CARRIERS.length)], tracking, null, at);
		if (status == OrderStatus.SHIPPED) {
			return;
		}
		at = at.plus(Duration.ofHours(24 + random.nextInt(72)));
		fulfilment.deliver(order.id(), null, at);
		if (status == OrderStatus.RETURNED) {
			fulfilment.acceptReturn(order.id(), null, at.plus(Duration.ofDays(3 + random.nextInt(10))));
		}
	}

	/** How long ago an order of this status was placed: open orders are recent, finished ones older. */
	private static Instant placedAt(OrderStatus status, Instant now, Random random) {
		int minDays = switch (status) {
			case PLACED -> 0;
			case PAID -> 1;
			case SHIPPED -> 3;
			case CANCELLED -> 5;
			case DELIVERED -> 20;
			case RETURNED -> 30;
		};
		int maxDays = status.isBeforeShipping() || status == OrderStatus.SHIPPED ? minDays + 3 : 180;
		long minutes = Duration.ofDays(minDays).toMinutes() + random.nextInt((maxDays - minDays) * 24 * 60 + 60);
		return now.minus(Duration.ofMinutes(Math.max(minutes, 30)));
	}

	private static List<NewOrder.Line> lines(DemoDataset dataset, Random random) {
		var products = new ArrayList<>(dataset.products);
		java.util.Collections.shuffle(products, random);
		int count = 1 + random.nextInt(Math.min(3, products.size()));
		return products.subList(0, count).stream()
			.map(p -> new NewOrder.Line(new ProductId(p.id()), 1 + (random.nextInt(4) == 0 ? 1 : 0)))
			.toList();
	}

	private static DeliveryAddress address(String name, String[] place) {
		return new DeliveryAddress(name, place[0], null, place[1], place[2], place[3], place[4]);
	}
}

package dev.parley.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.catalog.Catalog;
import dev.parley.common.Violations;
import dev.parley.identity.AccountId;
import dev.parley.identity.AuditChange;
import dev.parley.identity.AuditLog;
import dev.parley.orders.internal.OrderStore;

/**
 * The center's side of an order: place, pay, ship, deliver, take back a return. {@code actor} is the
 * staff account acting (null for the system); {@code at} is when it happened (null for now; the demo
 * data uses times in the past). Each step writes an audit entry.
 */
@Service
public class OrderFulfilment {

	public static final int MAX_QUANTITY = 99;

	private final OrderStore store;
	private final OrderChanges changes;
	private final Catalog catalog;
	private final AuditLog audit;
	private final Clock clock;

	OrderFulfilment(OrderStore store, OrderChanges changes, Catalog catalog, AuditLog audit, Optional<Clock> clock) {
		this.store = store;
		this.changes = changes;
		this.catalog = catalog;
		this.audit = audit;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Places an order; item names and unit prices are taken from the catalog now. */
	@Transactional
	public Order place(NewOrder request, AccountId actor, Instant at) {
		var v = new Violations().check(request.customerId() == null, "customerId", "required", "must not be empty");
		List<OrderItem> items = new ArrayList<>();
		for (int i = 0; i < request.lines().size(); i++) {
			var line = request.lines().get(i);
			var product = line.productId() == null ? Optional.<dev.parley.catalog.Product>empty()
					: catalog.find(line.productId());
			v.check(product.isEmpty(), "items[" + i + "].productId", "unknown", "is not a product of the catalog");
			v.check(line.quantity() < 1 || line.quantity() > MAX_QUANTITY, "items[" + i + "].quantity", "range",
					"must be between 1 and " + MAX_QUANTITY);
			product.filter(p -> line.quantity() >= 1).ifPresent(p -> items.add(new OrderItem(p.id(), p.name(),
					line.quantity(), p.priceCents(), p.currency())));
		}
		v.throwIfAny();
		var order = store.insert(Order.place(OrderId.random(), request.customerId(), items, request.address(),
				when(at)));
		audit.record(AuditChange.of(actor, order.customerId().value(), OrderChanges.ENTITY, order.number(), "place")
			.field("status", null, order.status()));
		changes.announce(null, order);
		return order;
	}

	@Transactional
	public Order pay(OrderId id, AccountId actor, Instant at) {
		var before = changes.load(id);
		return step(before, before.pay(when(at)), actor, "pay");
	}

	@Transactional
	public Order ship(OrderId id, String carrier, String trackingNumber, AccountId actor, Instant at) {
		var before = changes.load(id);
		var after = before.ship(carrier, trackingNumber, when(at));
		var change = AuditChange.of(actor, before.customerId().value(), OrderChanges.ENTITY, before.number(), "ship");
		var shipped = after.timeline().get(after.timeline().size() - 1);
		return changes.save(before, after, List.of(change.field("status", before.status(), after.status()),
				change.field("tracking", null, shipped.carrier() + " " + shipped.trackingNumber())));
	}

	@Transactional
	public Order deliver(OrderId id, AccountId actor, Instant at) {
		var before = changes.load(id);
		return step(before, before.deliver(when(at)), actor, "deliver");
	}

	/** Takes back a delivered order the customer returned. */
	@Transactional
	public Order acceptReturn(OrderId id, AccountId actor, Instant at) {
		var before = changes.load(id);
		return step(before, before.acceptReturn(when(at)), actor, "return");
	}

	/** Cancels on the center's side (staff or system), with the same rule as the customer's cancel. */
	@Transactional
	public Order cancel(OrderId id, String reason, AccountId actor, Instant at) {
		var before = changes.load(id);
		var after = before.cancel(actor == null ? null : actor.value(), reason, when(at));
		return step(before, after, actor, "cancel");
	}

	private Order step(Order before, Order after, AccountId actor, String action) {
		var change = AuditChange.of(actor, before.customerId().value(), OrderChanges.ENTITY, before.number(), action);
		return changes.save(before, after, List.of(change.field("status", before.status(), after.status())));
	}

	private Instant when(Instant at) {
		return at == null ? Instant.now(clock) : at;
	}
}

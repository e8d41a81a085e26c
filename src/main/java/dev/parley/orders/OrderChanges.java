package dev.parley.orders;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.parley.common.ConflictException;
import dev.parley.common.NotFoundException;
import dev.parley.identity.AuditChange;
import dev.parley.identity.AuditLog;
import dev.parley.orders.internal.OrderStore;

/**
 * Loads orders and saves a change together with its audit entries and, when the status moved, its
 * {@link OrderStatusChanged} event; callers hold the transaction.
 */
@Component
class OrderChanges {

	static final String ENTITY = "order";

	private final OrderStore store;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;

	OrderChanges(OrderStore store, AuditLog audit, ApplicationEventPublisher events) {
		this.store = store;
		this.audit = audit;
		this.events = events;
	}

	Order load(OrderId id) {
		if (id == null) {
			throw new NotFoundException("order");
		}
		return store.find(id).orElseThrow(() -> new NotFoundException("order"));
	}

	/** Saves {@code after} if {@code before} is still current (else a stale conflict) and records the entries. */
	Order save(Order before, Order after, List<AuditChange> entries) {
		if (!store.update(before, after)) {
			throw ConflictException.stale("order " + before.number());
		}
		entries.forEach(audit::record);
		if (before.status() != after.status()) {
			announce(before.status(), after);
		}
		return store.find(after.id()).orElseThrow();
	}

	/** Announces the order's latest status step ({@link OrderStatusChanged}) in the caller's transaction. */
	void announce(OrderStatus previous, Order order) {
		var step = order.timeline().get(order.timeline().size() - 1);
		events.publishEvent(new OrderStatusChanged(order.id(), order.number(), order.customerId(), previous,
				order.status(), step.at()));
	}
}

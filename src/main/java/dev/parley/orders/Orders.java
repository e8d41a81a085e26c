package dev.parley.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.common.CustomerId;
import dev.parley.common.NotFoundException;
import dev.parley.common.PageResult;
import dev.parley.identity.AccountId;
import dev.parley.identity.AuditChange;
import dev.parley.identity.AuditEntry;
import dev.parley.identity.AuditLog;
import dev.parley.orders.internal.OrderStore;

/**
 * A customer's own orders: list, read, cancel before shipping, change the delivery address before
 * shipping, and the audit trail of one order. Another customer's order is "not found", exactly like an
 * unknown id. A change is made by the customer, or on their behalf by an account the caller has
 * already allowed to act for them (an agent serving them now): the audit entry names that account as
 * the actor and the customer as the subject. Also answers other modules which products a customer owns.
 */
@Service
public class Orders {

	private final OrderStore store;
	private final OrderChanges changes;
	private final AuditLog audit;
	private final Clock clock;

	Orders(OrderStore store, OrderChanges changes, AuditLog audit, Optional<Clock> clock) {
		this.store = store;
		this.changes = changes;
		this.audit = audit;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The customer's orders, newest first, optionally only those of one status (null for all). */
	public PageResult<Order> list(CustomerId customerId, OrderStatus status, int page, int size) {
		PageResult.validate(page, size);
		return store.page(customerId, status, page, size);
	}

	public Order get(CustomerId customerId, OrderId id) {
		var order = changes.load(id);
		if (!order.customerId().equals(customerId)) {
			throw new NotFoundException("order");
		}
		return order;
	}

	/** Cancels the customer's unshipped order; {@code version} is the version the customer saw. */
	@Transactional
	public Order cancel(CustomerId customerId, OrderId id, String reason, Long version) {
		return cancel(customerId, id, reason, version, self(customerId));
	}

	/**
	 * Cancels the customer's unshipped order on behalf of {@code actor} (the customer themselves or someone the
	 * caller allows to act for them): the status step and the audit entries name the actor.
	 */
	@Transactional
	public Order cancel(CustomerId customerId, OrderId id, String reason, Long version, AccountId actor) {
		Objects.requireNonNull(actor, "actor");
		var before = get(customerId, id);
		before.checkVersion(version);
		var after = before.cancel(actor.value(), reason, Instant.now(clock));
		var change = AuditChange.of(actor, customerId.value(), OrderChanges.ENTITY, before.number(), "cancel");
		var entries = new ArrayList<>(List.of(change.field("status", before.status(), after.status())));
		String why = after.timeline().get(after.timeline().size() - 1).reason();
		if (why != null) {
			entries.add(change.field("reason", null, why));
		}
		return changes.save(before, after, entries);
	}

	/** Changes the delivery address of the customer's unshipped order: one audit entry per changed field. */
	@Transactional
	public Order changeAddress(CustomerId customerId, OrderId id, DeliveryAddress address, Long version) {
		return changeAddress(customerId, id, address, version, self(customerId));
	}

	/** Changes the delivery address on behalf of {@code actor}, who is named in the audit entries. */
	@Transactional
	public Order changeAddress(CustomerId customerId, OrderId id, DeliveryAddress address, Long version,
			AccountId actor) {
		Objects.requireNonNull(actor, "actor");
		var before = get(customerId, id);
		before.checkVersion(version);
		var after = before.changeAddress(address);
		var change = AuditChange.of(actor, customerId.value(), OrderChanges.ENTITY, before.number(), "change-address");
		List<AuditChange> entries = new ArrayList<>();
		diff(entries, change, before.address(), after.address());
		return entries.isEmpty() ? before : changes.save(before, after, entries);
	}

	/** The audit entries of the customer's order, newest first. */
	public List<AuditEntry> changes(CustomerId customerId, OrderId id) {
		return audit.ofEntity(OrderChanges.ENTITY, get(customerId, id).number());
	}

	/** Products the customer owns: items of delivered orders that were not returned, per product. */
	public List<OwnedProduct> productsOwnedBy(CustomerId customerId) {
		return store.ownedBy(Objects.requireNonNull(customerId, "customerId"));
	}

	private static AccountId self(CustomerId customerId) {
		return new AccountId(customerId.value());
	}

	private static void diff(List<AuditChange> entries, AuditChange change, DeliveryAddress old, DeliveryAddress now) {
		field(entries, change, "recipient", DeliveryAddress::recipient, old, now);
		field(entries, change, "line1", DeliveryAddress::line1, old, now);
		field(entries, change, "line2", DeliveryAddress::line2, old, now);
		field(entries, change, "postalCode", DeliveryAddress::postalCode, old, now);
		field(entries, change, "city", DeliveryAddress::city, old, now);
		field(entries, change, "region", DeliveryAddress::region, old, now);
		field(entries, change, "country", DeliveryAddress::country, old, now);
	}

	private static void field(List<AuditChange> entries, AuditChange change, String name,
			Function<DeliveryAddress, String> value, DeliveryAddress old, DeliveryAddress now) {
		if (!Objects.equals(value.apply(old), value.apply(now))) {
			entries.add(change.field(DeliveryAddress.FIELD + "." + name, value.apply(old), value.apply(now)));
		}
	}
}

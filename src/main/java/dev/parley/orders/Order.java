package dev.parley.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.parley.common.ConflictException;
import dev.parley.common.CustomerId;
import dev.parley.common.InvalidInputException;
import dev.parley.common.Violations;

/**
 * A customer's order. Immutable: each intent-named transition checks its rule and returns the changed
 * order (the store saves it with optimistic locking on {@code version}). Breaking a rule of the state
 * machine throws {@link ConflictException} (code {@code state}); invalid input {@link InvalidInputException}.
 * {@code number} is null until the store has assigned one.
 */
public record Order(OrderId id, String number, CustomerId customerId, List<OrderItem> items, DeliveryAddress address,
		OrderStatus status, List<StatusChange> timeline, long version) {

	public static final int MAX_REASON = 500;

	public Order {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(customerId, "customerId");
		items = List.copyOf(items);
		timeline = List.copyOf(timeline);
	}

	/** A new order: at least one item, all in one currency, and a valid delivery address. */
	public static Order place(OrderId id, CustomerId customerId, List<OrderItem> items, DeliveryAddress address,
			Instant at) {
		var v = new Violations().check(items == null || items.isEmpty(), "items", "required", "must not be empty");
		v.check(items != null && items.stream().map(OrderItem::currency).distinct().count() > 1, "items", "currency",
				"must all be in one currency");
		v.check(address == null, DeliveryAddress.FIELD, "required", "must not be empty");
		v.throwIfAny();
		return new Order(id, null, customerId, items, address.validated(), OrderStatus.PLACED,
				List.of(StatusChange.of(OrderStatus.PLACED, at)), 0);
	}

	public Order pay(Instant at) {
		require(EnumSet.of(OrderStatus.PLACED), "paid");
		return next(StatusChange.of(OrderStatus.PAID, at));
	}

	public Order ship(String carrier, String trackingNumber, Instant at) {
		require(EnumSet.of(OrderStatus.PAID), "shipped");
		new Violations().required(carrier, "carrier").text(carrier, 60, "carrier")
			.required(trackingNumber, "trackingNumber").text(trackingNumber, 60, "trackingNumber")
			.throwIfAny();
		return next(new StatusChange(OrderStatus.SHIPPED, at, carrier.trim(), trackingNumber.trim(), null, null));
	}

	public Order deliver(Instant at) {
		require(EnumSet.of(OrderStatus.SHIPPED), "delivered");
		return next(StatusChange.of(OrderStatus.DELIVERED, at));
	}

	/** Cancels an order that has not shipped; {@code by} is the account that cancels, the reason optional. */
	public Order cancel(UUID by, String reason, Instant at) {
		new Violations().lines(reason, MAX_REASON, "reason").throwIfAny();
		require(EnumSet.of(OrderStatus.PLACED, OrderStatus.PAID), "cancelled");
		String why = reason == null || reason.isBlank() ? null : reason.trim();
		return next(new StatusChange(OrderStatus.CANCELLED, at, null, null, by, why));
	}

	/** The customer sent a delivered order back. */
	public Order acceptReturn(Instant at) {
		require(EnumSet.of(OrderStatus.DELIVERED), "returned");
		return next(StatusChange.of(OrderStatus.RETURNED, at));
	}

	/** A new delivery address, allowed until the order ships. Validates before it checks the state. */
	public Order changeAddress(DeliveryAddress newAddress) {
		if (newAddress == null) {
			throw InvalidInputException.of(DeliveryAddress.FIELD, "required", "must not be empty");
		}
		var valid = newAddress.validated();
		if (!status.isBeforeShipping()) {
			throw new ConflictException("state",
					"order " + number + " " + phrase() + " and its delivery address can no longer be changed");
		}
		return new Order(id, number, customerId, items, valid, status, timeline, version);
	}

	/** Throws a stale-edit conflict unless the client edited the current version. */
	public void checkVersion(Long edited) {
		if (edited == null) {
			throw InvalidInputException.of("version", "required", "must be the version you edited");
		}
		if (edited != version) {
			throw ConflictException.stale("order " + number);
		}
	}

	public boolean isCancellable() {
		return status.isBeforeShipping();
	}

	public boolean isAddressChangeable() {
		return status.isBeforeShipping();
	}

	public Instant placedAt() {
		return timeline.get(0).at();
	}

	public String currency() {
		return items.isEmpty() ? null : items.get(0).currency();
	}

	public long totalCents() {
		return items.stream().mapToLong(OrderItem::totalCents).sum();
	}

	public int itemCount() {
		return items.stream().mapToInt(OrderItem::quantity).sum();
	}

	public Order withNumber(String assigned) {
		return new Order(id, assigned, customerId, items, address, status, timeline, version);
	}

	private Order next(StatusChange change) {
		var steps = new ArrayList<>(timeline);
		steps.add(change);
		return new Order(id, number, customerId, items, address, change.status(), steps, version);
	}

	private void require(Set<OrderStatus> allowed, String becoming) {
		if (allowed.contains(status)) {
			return;
		}
		boolean tooLate = allowed.stream().allMatch(s -> s.ordinal() < status.ordinal());
		throw new ConflictException("state", "order " + number + " " + phrase() + " and "
				+ (tooLate ? "can no longer be " + becoming : "cannot be " + becoming + " yet"));
	}

	private String phrase() {
		return switch (status) {
			case PLACED -> "is placed but not paid";
			case PAID -> "is paid but not shipped";
			case SHIPPED -> "has shipped";
			case DELIVERED -> "has been delivered";
			case CANCELLED -> "has been cancelled";
			case RETURNED -> "has been returned";
		};
	}
}

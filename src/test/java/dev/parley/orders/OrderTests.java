package dev.parley.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.parley.catalog.ProductId;
import dev.parley.common.ConflictException;
import dev.parley.common.CustomerId;
import dev.parley.common.FieldViolation;
import dev.parley.common.InvalidInputException;

/** The order's state machine and address rules, without Spring. */
class OrderTests {

	static final Instant T0 = Instant.parse("2025-01-10T09:00:00Z");
	static final CustomerId CUSTOMER = new CustomerId(UUID.randomUUID());

	static DeliveryAddress address() {
		return new DeliveryAddress("Alice Example", "Main Street 1", null, "10115", "Berlin", null, "DE");
	}

	static Order placed() {
		var item = new OrderItem(ProductId.random(), "Phone", 2, 19_900, "EUR");
		return Order.place(OrderId.random(), CUSTOMER, List.of(item), address(), T0).withNumber("PO-100042");
	}

	static Order shipped() {
		return placed().pay(T0.plusSeconds(60)).ship("DHL", "JD0001", T0.plusSeconds(120));
	}

	@Test
	void walksThroughTheWholeLifeWithATimelineStepPerTransition() {
		var returned = shipped().deliver(T0.plusSeconds(180)).acceptReturn(T0.plusSeconds(240));

		assertThat(returned.status()).isEqualTo(OrderStatus.RETURNED);
		assertThat(returned.timeline()).extracting(StatusChange::status).containsExactly(OrderStatus.PLACED,
				OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.RETURNED);
		assertThat(returned.timeline().get(2).carrier()).isEqualTo("DHL");
		assertThat(returned.timeline().get(2).trackingNumber()).isEqualTo("JD0001");
		assertThat(returned.placedAt()).isEqualTo(T0);
		assertThat(returned.totalCents()).isEqualTo(39_800);
		assertThat(returned.itemCount()).isEqualTo(2);
	}

	@Test
	void cancelsAPlacedOrPaidOrderRecordingWhoAndWhy() {
		UUID who = UUID.randomUUID();
		var cancelled = placed().pay(T0).cancel(who, "  changed my mind ", T0.plusSeconds(5));

		assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
		var step = cancelled.timeline().get(2);
		assertThat(step.by()).isEqualTo(who);
		assertThat(step.reason()).isEqualTo("changed my mind");
		assertThat(placed().cancel(who, " ", T0).timeline().get(1).reason()).isNull();
	}

	@Test
	void refusesToCancelAShippedOrderWithAClearMessage() {
		assertThatThrownBy(() -> shipped().cancel(CUSTOMER.value(), null, T0)).isInstanceOf(ConflictException.class)
			.hasMessage("order PO-100042 has shipped and can no longer be cancelled");
		var delivered = shipped().deliver(T0);
		assertThatThrownBy(() -> delivered.cancel(CUSTOMER.value(), null, T0)).isInstanceOf(ConflictException.class);
		var cancelled = placed().cancel(CUSTOMER.value(), null, T0);
		assertThatThrownBy(() -> cancelled.cancel(CUSTOMER.value(), null, T0)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("has been cancelled");
		assertThatThrownBy(() -> delivered.acceptReturn(T0).cancel(CUSTOMER.value(), null, T0))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void refusesTransitionsOutOfOrder() {
		assertThatThrownBy(() -> placed().ship("DHL", "1", T0)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("cannot be shipped yet");
		assertThatThrownBy(() -> placed().deliver(T0)).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> shipped().acceptReturn(T0)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("cannot be returned yet");
		assertThatThrownBy(() -> placed().pay(T0).pay(T0)).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> placed().cancel(CUSTOMER.value(), null, T0).pay(T0)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("can no longer be paid");
	}

	@Test
	void shippingNeedsCarrierAndTrackingNumber() {
		var paid = placed().pay(T0);
		assertThat(fields(() -> paid.ship(" ", null, T0))).containsExactly("carrier", "trackingNumber");
	}

	@Test
	void cancelReasonIsAtMost500Characters() {
		assertThat(fields(() -> placed().cancel(CUSTOMER.value(), "x".repeat(501), T0))).containsExactly("reason");
		assertThat(placed().cancel(CUSTOMER.value(), "x".repeat(500), T0).status()).isEqualTo(OrderStatus.CANCELLED);
	}

	@Test
	void changesTheAddressBeforeShippingOnlyTrimmedAndNormalised() {
		var changed = placed().pay(T0).changeAddress(
				new DeliveryAddress(" Bob ", "Elm Road 2", "  ", "SW1A 1AA", "London", "", "gb"));

		assertThat(changed.address()).isEqualTo(
				new DeliveryAddress("Bob", "Elm Road 2", null, "SW1A 1AA", "London", null, "GB"));
		assertThatThrownBy(() -> shipped().changeAddress(address())).isInstanceOf(ConflictException.class)
			.hasMessage("order PO-100042 has shipped and its delivery address can no longer be changed");
	}

	@Test
	void namesEveryInvalidAddressField() {
		var bad = new DeliveryAddress("", "x".repeat(201), "y".repeat(201), "!", " ", "z".repeat(101), "XX");

		assertThat(fields(() -> placed().changeAddress(bad))).containsExactly("deliveryAddress.recipient",
				"deliveryAddress.line1", "deliveryAddress.line2", "deliveryAddress.postalCode", "deliveryAddress.city",
				"deliveryAddress.region", "deliveryAddress.country");
		assertThat(fields(() -> new DeliveryAddress("A", "B", null, "12345", "C", null, null).validated())).containsExactly("deliveryAddress.country");
		assertThat(fields(() -> new DeliveryAddress("A", "B", null, "1".repeat(21), "C", null, "DE").validated()))
			.containsExactly("deliveryAddress.postalCode");
	}

	@Test
	void refusesAStaleVersionAndAMissingOne() {
		var order = placed();
		assertThatThrownBy(() -> order.checkVersion(7L)).isInstanceOf(ConflictException.class)
			.extracting(e -> ((ConflictException) e).code()).isEqualTo("stale");
		assertThat(fields(() -> order.checkVersion(null))).containsExactly("version");
		order.checkVersion(0L);
	}

	@Test
	void placingNeedsItemsInOneCurrency() {
		var eur = new OrderItem(ProductId.random(), "A", 1, 100, "EUR");
		var usd = new OrderItem(ProductId.random(), "B", 1, 100, "USD");
		assertThat(fields(() -> Order.place(OrderId.random(), CUSTOMER, List.of(), address(), T0)))
			.containsExactly("items");
		assertThat(fields(() -> Order.place(OrderId.random(), CUSTOMER, List.of(eur, usd), address(), T0)))
			.containsExactly("items");
	}

	@Test
	void parsesStatusFiltersAndRejectsUnknownOnes() {
		assertThat(OrderStatus.parse("Shipped", "status")).isEqualTo(OrderStatus.SHIPPED);
		assertThat(OrderStatus.parse(" ", "status")).isNull();
		assertThat(fields(() -> OrderStatus.parse("lost", "status"))).containsExactly("status");
	}

	static List<String> fields(Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInputException e) {
			return e.violations().stream().map(FieldViolation::field).toList();
		}
		throw new AssertionError("expected invalid input");
	}
}

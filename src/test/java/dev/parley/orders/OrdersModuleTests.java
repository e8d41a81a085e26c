package dev.parley.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import dev.parley.catalog.Catalog;
import dev.parley.common.ConflictException;
import dev.parley.common.CustomerId;
import dev.parley.common.NotFoundException;
import dev.parley.identity.AuditEntry;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;

/**
 * The orders module with its direct dependencies only: every status change is announced; a change made on the
 * customer's behalf names the one who made it.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class OrdersModuleTests {

	@Autowired
	OrderFulfilment fulfilment;

	@Autowired
	Orders orders;

	@Autowired
	Catalog catalog;

	@Autowired
	IdentityManagement identity;

	@Test
	void placingAndCancellingAnOrderAnnounceItsStatus(Scenario scenario) {
		var customer = AccountFixtures.account(identity, Role.CUSTOMER).id().value();
		var product = OrderFixtures.product(catalog, "Desk lamp", 2490);

		var placedRef = new AtomicReference<Order>();
		scenario.stimulate(() -> OrderFixtures.place(fulfilment, customer, product, 1, null))
			.andWaitForEventOfType(OrderStatusChanged.class)
			.matching(e -> e.customer().equals(new CustomerId(customer)))
			.toArriveAndVerify((e, order) -> {
				assertThat(e.order()).isEqualTo(order.id());
				assertThat(e.previous()).isNull();
				assertThat(e.status()).isEqualTo(OrderStatus.PLACED);
				placedRef.set(order);
			});
		Order placed = placedRef.get();

		scenario.stimulate(() -> orders.cancel(new CustomerId(customer), placed.id(), "changed my mind", placed.version()))
			.andWaitForEventOfType(OrderStatusChanged.class)
			.matching(e -> e.order().equals(placed.id()) && e.status() == OrderStatus.CANCELLED)
			.toArriveAndVerify(e -> assertThat(e.previous()).isEqualTo(OrderStatus.PLACED));
	}

	@Test
	void aChangeOnTheCustomersBehalfIsAuditedWithTheActorAndTheCustomerAsSubject() {
		var customer = new CustomerId(AccountFixtures.account(identity, Role.CUSTOMER).id().value());
		var agent = AccountFixtures.account(identity, Role.AGENT);
		var product = OrderFixtures.product(catalog, "Desk lamp", 2490);
		Order placed = OrderFixtures.place(fulfilment, customer.value(), product, 1, null);

		var moved = orders.changeAddress(customer, placed.id(),
				new DeliveryAddress("Alice Example", "Harbour Road 9", null, "20095", "Hamburg", null, "DE"),
				placed.version(), agent.id());
		Order cancelled = orders.cancel(customer, placed.id(), "asked on the phone", moved.version(), agent.id());

		assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(cancelled.address().city()).isEqualTo("Hamburg");
		assertThat(cancelled.timeline().get(cancelled.timeline().size() - 1).by()).isEqualTo(agent.id().value());
		var entries = changesSincePlaced(customer, placed);
		assertThat(entries).extracting(AuditEntry::field).containsExactlyInAnyOrder("status", "reason",
				"deliveryAddress.line1", "deliveryAddress.postalCode", "deliveryAddress.city");
		assertThat(entries).allSatisfy(e -> {
			assertThat(e.actorId()).isEqualTo(agent.id());
			assertThat(e.actorName()).isEqualTo(agent.displayName());
			assertThat(e.subjectId()).isEqualTo(customer.value());
		});
	}

	@Test
	void aStaleVersionOnTheCustomersBehalfIsRefusedAndChangesNothing() {
		var customer = new CustomerId(AccountFixtures.account(identity, Role.CUSTOMER).id().value());
		var agent = AccountFixtures.account(identity, Role.AGENT);
		var product = OrderFixtures.product(catalog, "Desk lamp", 2490);
		Order placed = OrderFixtures.place(fulfilment, customer.value(), product, 1, null);
		orders.changeAddress(customer, placed.id(),
				new DeliveryAddress("Alice Example", "Harbour Road 9", null, "20095", "Hamburg", null, "DE"),
				placed.version());

		assertThatThrownBy(() -> orders.cancel(customer, placed.id(), "too late", placed.version(), agent.id()))
			.isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale"));
		assertThatThrownBy(() -> orders.changeAddress(customer, placed.id(), OrderFixtures.address(), placed.version(),
				agent.id()))
			.isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale"));

		Order now = orders.get(customer, placed.id());
		assertThat(now.status()).isEqualTo(OrderStatus.PLACED);
		assertThat(now.address().city()).isEqualTo("Hamburg");
		assertThat(changesSincePlaced(customer, placed)).extracting(e -> e.actorId().value())
			.containsOnly(customer.value());
	}

	@Test
	void anotherCustomersOrderIsNotFoundForAnActorEither() {
		var customer = new CustomerId(AccountFixtures.account(identity, Role.CUSTOMER).id().value());
		var other = new CustomerId(AccountFixtures.account(identity, Role.CUSTOMER).id().value());
		var agent = AccountFixtures.account(identity, Role.AGENT);
		Order placed = OrderFixtures.place(fulfilment, customer.value(), OrderFixtures.product(catalog, "Lamp", 990), 1,
				null);

		assertThatThrownBy(() -> orders.cancel(other, placed.id(), null, placed.version(), agent.id()))
			.isInstanceOf(NotFoundException.class);
		assertThat(orders.get(customer, placed.id()).status()).isEqualTo(OrderStatus.PLACED);
	}

	/** The order's audit entries after the one of its placing (made by the system). */
	private List<AuditEntry> changesSincePlaced(CustomerId customer, Order order) {
		return orders.changes(customer, order.id()).stream().filter(e -> !"place".equals(e.action())).toList();
	}
}

package dev.parley.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import dev.parley.catalog.Catalog;
import dev.parley.common.CustomerId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;

/** The orders module with its direct dependencies only: every status change is announced. */
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
}

package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.catalog.Catalog;
import dev.parley.common.CustomerId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.orders.Order;
import dev.parley.orders.OrderFixtures;
import dev.parley.orders.OrderStatus;
import dev.parley.orders.Orders;
import dev.parley.orders.StatusChange;
import dev.parley.testing.AccountFixtures;

/** The order seeder alone, over a dataset the test fills itself. */
@SpringBootTest
class OrderSeederTests {

	@Autowired
	OrderSeeder seeder;

	@Autowired
	IdentityManagement identity;

	@Autowired
	Catalog catalog;

	@Autowired
	Orders orders;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void seedsTwoToFiveOrdersPerCustomerCoveringEveryStatusInThePastSixMonths() {
		var dataset = new DemoDataset();
		for (int i = 0; i < 3; i++) {
			var account = AccountFixtures.account(identity, Role.CUSTOMER);
			dataset.customers.add(new DemoDataset.Named(account.id().value(), "Customer " + i));
		}
		for (int i = 0; i < 5; i++) {
			var p = OrderFixtures.product(catalog, "Product " + i, 1_000 + i);
			dataset.products.add(new DemoDataset.SeededProduct(p.id().value(), p.name(), p.categoryKey(), 1_000 + i));
		}

		transaction.executeWithoutResult(s -> seeder.seed(dataset));

		List<Order> all = new ArrayList<>();
		for (var customer : dataset.customers) {
			var theirs = orders.list(new CustomerId(customer.id()), null, 0, 50).items();
			assertThat(theirs).hasSizeBetween(2, 5);
			all.addAll(theirs);
		}
		var statuses = EnumSet.noneOf(OrderStatus.class);
		all.forEach(o -> statuses.add(o.status()));
		assertThat(statuses).containsExactlyInAnyOrder(OrderStatus.values());
		Instant now = Instant.now();
		for (Order o : all) {
			assertThat(o.placedAt()).isBetween(now.minus(181, ChronoUnit.DAYS), now);
			assertThat(o.timeline()).extracting(StatusChange::at).isSorted().allMatch(t -> t.isBefore(now));
			o.timeline().stream().filter(s -> s.status() == OrderStatus.SHIPPED)
				.forEach(s -> assertThat(s.carrier()).isNotBlank());
		}
	}

	@Test
	void seedsNothingWithoutProductsOrCustomers() {
		var dataset = new DemoDataset();
		var account = AccountFixtures.account(identity, Role.CUSTOMER);
		dataset.customers.add(new DemoDataset.Named(account.id().value(), "Lonely"));

		transaction.executeWithoutResult(s -> seeder.seed(dataset));
		transaction.executeWithoutResult(s -> seeder.seed(new DemoDataset()));

		assertThat(orders.list(new CustomerId(account.id().value()), null, 0, 10).total()).isZero();
	}
}

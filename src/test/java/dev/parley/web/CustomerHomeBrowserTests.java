package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.Category;
import dev.parley.catalog.Product;
import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.history.Direction;
import dev.parley.history.InteractionHistory;
import dev.parley.common.Medium;
import dev.parley.history.NewInteraction;
import dev.parley.common.Outcome;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.orders.DeliveryAddress;
import dev.parley.orders.NewOrder;
import dev.parley.orders.OrderFulfilment;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;

@BrowserTest
class CustomerHomeBrowserTests {

	@Autowired
	IdentityManagement identity;

	@Autowired
	Catalog catalog;

	@Autowired
	OrderFulfilment fulfilment;

	@Autowired
	InteractionHistory history;

	@Test
	void customerLandsOnHomeWithRecentOrdersAndTheLiveStatusPanel(Browser browser) {
		String key = "home" + UUID.randomUUID().toString().substring(0, 6);
		catalog.addCategory(new Category(key, "Home " + key, "", 1));
		var product = catalog.addProduct(new Product(ProductId.random(), "SKU-" + key, "Kettle " + key, key, "Boils.",
				2500, "EUR", true, List.of(), List.of()));
		var customer = AccountFixtures.account(identity, Role.CUSTOMER);
		var order = fulfilment.place(new NewOrder(new CustomerId(customer.id().value()), List.of(new NewOrder.Line(product.id(), 1)),
				new DeliveryAddress("Test Customer", "Main Street 1", null, "10115", "Berlin", null, "DE")), null, null);

		var agent = AccountFixtures.account(identity, Role.AGENT);
		var start = Instant.now().minus(2, ChronoUnit.DAYS);
		history.record(new NewInteraction(new CustomerId(customer.id().value()), product.id(), new AgentId(agent.id().value()), Medium.VIDEO,
				Direction.INBOUND, start, start.plus(10, ChronoUnit.MINUTES), Outcome.RESOLVED, "Kettle descaled", null));

		browser.signIn(customer.username(), AccountFixtures.PASSWORD);

		assertThat(browser.url()).endsWith("/customer");
		assertThat(browser.text(By.id("recent-orders"))).contains(order.number(), "Placed", "€25.00");
		assertThat(browser.text(By.id("recent-interactions"))).contains("Kettle " + key, agent.displayName(), "Video");
		assertThat(browser.find(By.id("live-status")).getText()).contains("Live status");
		browser.screenshot("customer-home");
		browser.windowSize(390, 844).screenshot("customer-home-phone");
	}
}

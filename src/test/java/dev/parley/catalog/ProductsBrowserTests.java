package dev.parley.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.common.CustomerId;
import dev.parley.identity.IdentityManagement;
import dev.parley.orders.DeliveryAddress;
import dev.parley.orders.NewOrder;
import dev.parley.orders.OrderFulfilment;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;

@BrowserTest
class ProductsBrowserTests {

	@Autowired
	Catalog catalog;

	@Autowired
	IdentityManagement identity;

	@Autowired
	OrderFulfilment fulfilment;

	@Test
	void customerBrowsesProductsByCategoryAndReadsSpecifications(Browser browser) {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		catalog.addCategory(new Category("lamps" + suffix, "Lamps " + suffix, "Light for every room", 1));
		catalog.addCategory(new Category("desks" + suffix, "Desks " + suffix, "Places to work", 2));
		var lamp = catalog.addProduct(new Product(ProductId.random(), "LA-" + suffix, "Reading Lamp " + suffix,
				"lamps" + suffix, "A warm reading light.", 3900, "EUR", true,
				List.of(new Product.Specification("Bulb", "E27 LED")),
				List.of(new Product.Document("User manual", "https://docs.example.com/lamp"))));
		catalog.addProduct(new Product(ProductId.random(), "DE-" + suffix, "Standing Desk " + suffix, "desks" + suffix,
				"Sit or stand.", 49900, "EUR", true, List.of(), List.of()));
		var customer = AccountFixtures.account(identity, Role.CUSTOMER);
		var order = fulfilment.place(new NewOrder(new CustomerId(customer.id().value()), List.of(new NewOrder.Line(lamp.id(), 2)),
				new DeliveryAddress("Test Customer", "Main Street 1", null, "10115", "Berlin", null, "DE")), null, null);
		fulfilment.pay(order.id(), null, null);
		fulfilment.ship(order.id(), "DHL", "TRACK1", null, null);
		fulfilment.deliver(order.id(), null, null);

		browser.signIn(customer.username(), AccountFixtures.PASSWORD).open("/customer/products");
		assertThat(browser.pageText()).contains("Reading Lamp " + suffix, "Standing Desk " + suffix);
		assertThat(browser.text(By.id("owned-products"))).contains("Reading Lamp " + suffix, "× 2");
		browser.screenshot("products");

		browser.select(By.id("products-category"), "lamps" + suffix).click(By.cssSelector("#products-filter button"));
		assertThat(browser.pageText()).contains("Reading Lamp " + suffix).doesNotContain("Standing Desk " + suffix);

		browser.click(By.linkText("Reading Lamp " + suffix));
		assertThat(browser.url()).endsWith("/customer/products/" + lamp.id());
		assertThat(browser.text(By.id("specifications"))).contains("Bulb", "E27 LED");
		assertThat(browser.pageText()).contains("€39.00", "User manual");
		browser.screenshot("product");
		browser.windowSize(390, 844).screenshot("product-phone");
	}

	@Test
	void unknownProductShowsTheNotFoundPage(Browser browser) {
		var customer = AccountFixtures.account(identity, Role.CUSTOMER);
		browser.signIn(customer.username(), AccountFixtures.PASSWORD).open("/customer/products/" + UUID.randomUUID());
		assertThat(browser.pageText()).contains("We could not find that page");
	}
}

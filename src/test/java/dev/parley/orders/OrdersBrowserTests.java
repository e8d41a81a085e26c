package dev.parley.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.catalog.Catalog;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;

@BrowserTest
class OrdersBrowserTests {

	@Autowired
	IdentityManagement identity;

	@Autowired
	Catalog catalog;

	@Autowired
	OrderFulfilment fulfilment;

	@Test
	void customerCancelsAnUnshippedOrderAndAnAgentSeesItInTheAuditTrail(Browser browser) {
		var customer = AccountFixtures.account(identity, Role.CUSTOMER);
		var phone = OrderFixtures.product(catalog, "Aurora 5G", 49_900);
		var older = OrderFixtures.place(fulfilment, customer.id().value(), phone, 1,
				Instant.now().minus(3, ChronoUnit.DAYS));
		fulfilment.pay(older.id(), null, Instant.now().minus(3, ChronoUnit.DAYS).plusSeconds(600));
		fulfilment.ship(older.id(), "DHL", "JD014600003", null, Instant.now().minus(2, ChronoUnit.DAYS));
		var order = OrderFixtures.place(fulfilment, customer.id().value(), phone, 2, null);
		fulfilment.pay(order.id(), null, null);

		browser.windowSize(1280, 900).signIn(customer.username(), AccountFixtures.PASSWORD).open("/customer/orders");
		assertThat(browser.text(By.id("orders-table"))).contains(order.number(), older.number());
		browser.screenshot("orders-list-1280");
		browser.click(By.linkText(order.number()));
		assertThat(browser.text(By.id("order-status"))).isEqualTo("Paid");
		browser.screenshot("order-detail-1280");

		browser.type(By.id("cancel-reason"), "Ordered twice by mistake").click(By.id("cancel-submit"))
			.acceptDialogIfAny();
		browser.waitFor(d -> d.findElement(By.id("order-status")).getText().equals("Cancelled"));
		assertThat(browser.text(By.cssSelector(".flash"))).contains(order.number());
		assertThat(browser.text(By.id("order-timeline"))).contains("Ordered twice by mistake");
		assertThat(browser.text(By.id("order-changes"))).contains("cancel", "PAID", "CANCELLED");
		assertThat(browser.findAll(By.id("cancel-form"))).isEmpty();
		browser.screenshot("order-cancelled-1280");

		browser.windowSize(390, 844).reload();
		browser.screenshot("order-cancelled-390");
		browser.open("/customer/orders/" + older.id());
		browser.screenshot("order-shipped-390");
		browser.open("/customer/orders");
		browser.screenshot("orders-list-390");

		browser.click(By.cssSelector("form[action$='/logout'] button"));
		var agent = AccountFixtures.account(identity, Role.AGENT);
		browser.windowSize(1280, 900).signIn(agent.username(), AccountFixtures.PASSWORD).open("/agent/audit");
		assertThat(browser.text(By.id("audit-table"))).contains(order.number(), "cancel", "Ordered twice by mistake");

		browser.type(By.id("audit-customer"), customer.username()).click(By.cssSelector("form[action$='/agent/audit'] button"));
		assertThat(browser.text(By.id("audit-table"))).contains(order.number(), customer.displayName());
		browser.type(By.id("audit-customer"), "nobody-" + customer.username())
			.click(By.cssSelector("form[action$='/agent/audit'] button"));
		assertThat(browser.text(By.id("audit-customer-error"))).contains("No customer");
	}

	@Test
	void theOrdersTableFitsAPhoneScreenAsOneCardPerOrder(Browser browser) {
		var customer = AccountFixtures.account(identity, Role.CUSTOMER);
		var laptop = OrderFixtures.product(catalog, "Studio Laptop 14 with a rather long product name", 119_900);
		OrderFixtures.shipped(fulfilment, customer.id().value(), laptop);
		var order = OrderFixtures.place(fulfilment, customer.id().value(), laptop, 12, null);

		browser.windowSize(390, 844).signIn(customer.username(), AccountFixtures.PASSWORD).open("/customer/orders");
		assertThat(browser.text(By.id("orders-table"))).contains(order.number(), "Placed", "Shipped");
		browser.screenshot("orders-cards-390");
		assertThat(browser.overflowsSideways(By.cssSelector(".table-wrap"))).isFalse();
		assertThat(browser.overflowRight(By.cssSelector("#orders-table tbody td:last-child .badge"))).isZero();
		assertThat(browser.overflowRight(By.cssSelector("#orders-table tbody td"))).isZero();
		assertThat(browser.find(By.cssSelector("#orders-table td[data-label]")).getDomAttribute("data-label"))
			.isEqualTo("Order");

		browser.windowSize(1280, 900).reload();
		assertThat(browser.find(By.cssSelector("#orders-table thead th")).isDisplayed()).isTrue();
		browser.screenshot("orders-table-1280");
	}

	@Test
	void anotherCustomersOrderIsNotFound(Browser browser) {
		var owner = AccountFixtures.account(identity, Role.CUSTOMER);
		var order = OrderFixtures.place(fulfilment, owner.id().value(),
				OrderFixtures.product(catalog, "Slate Tablet", 39_900), 1, null);
		var stranger = AccountFixtures.account(identity, Role.CUSTOMER);

		browser.signIn(stranger.username(), AccountFixtures.PASSWORD).open("/customer/orders/" + order.id());
		assertThat(browser.pageText()).contains("We could not find that page.").doesNotContain(order.number());
	}

	@Test
	void showsAddressErrorsNextToTheFieldsAndKeepsTheInput(Browser browser) {
		var customer = AccountFixtures.account(identity, Role.CUSTOMER);
		var order = OrderFixtures.place(fulfilment, customer.id().value(),
				OrderFixtures.product(catalog, "Slate Tablet", 39_900), 1, null);

		browser.signIn(customer.username(), AccountFixtures.PASSWORD).open("/customer/orders/" + order.id())
			.type(By.id("address-city"), "Hamburg").type(By.id("address-postalCode"), "#?")
			.type(By.id("address-country"), "QQ").click(By.cssSelector("#address-form button[type=submit]"));

		assertThat(browser.find(By.id("address-postalCode")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.text(By.id("address-postalCode-error"))).isNotBlank();
		assertThat(browser.text(By.id("address-country-error"))).contains("ISO 3166-1");
		assertThat(browser.value(By.id("address-city"))).isEqualTo("Hamburg");
		browser.screenshot("order-address-errors-1280");
		browser.windowSize(390, 844);
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("document.getElementById('address-postalCode').scrollIntoView()");
		browser.screenshot("order-address-errors-390");
		assertThat(browser.text(By.id("order-address"))).contains("Berlin");
	}

	@Test
	void aStaleCancelShowsTheCurrentOrderAndChangesNothing(Browser browser) {
		var customer = AccountFixtures.account(identity, Role.CUSTOMER);
		var order = OrderFixtures.place(fulfilment, customer.id().value(),
				OrderFixtures.product(catalog, "Slate Tablet", 39_900), 1, null);

		browser.signIn(customer.username(), AccountFixtures.PASSWORD).open("/customer/orders/" + order.id());
		fulfilment.pay(order.id(), null, null);
		browser.click(By.id("cancel-submit")).acceptDialogIfAny();

		assertThat(browser.text(By.id("order-problem"))).contains("Someone else changed this");
		assertThat(browser.text(By.id("order-status"))).isEqualTo("Paid");
	}
}

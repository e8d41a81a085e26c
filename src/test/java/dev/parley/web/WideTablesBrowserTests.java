package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.identity.AuditChange;
import dev.parley.identity.AuditLog;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;

/**
 * The other wide tables at phone width (390 px): one card per row, every cell inside the viewport; and at
 * 1280 px still a table with its header row.
 */
@BrowserTest
class WideTablesBrowserTests {

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	@Autowired
	AuditLog audit;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void tokensAndPresenceRulesFitAPhoneScreen(Browser browser) {
		var customer = AccountFixtures.account(identity, Role.CUSTOMER);
		tokens.issue(customer.id(), "a script with a long descriptive name for the nightly export", 30);
		tokens.issue(customer.id(), "laptop", null);

		browser.windowSize(390, 844).signIn(customer.username(), AccountFixtures.PASSWORD).open("/account/tokens");
		assertThat(browser.findAll(By.cssSelector("#tokens-table tbody tr"))).hasSize(2);
		assertThat(browser.overflowRight(By.cssSelector("#tokens-table tbody td"))).isZero();
		assertThat(browser.overflowRight(By.cssSelector("#tokens-table tbody td:last-child button"))).isZero();
		assertThat(browser.overflowsSideways(By.cssSelector(".table-wrap"))).isFalse();
		browser.screenshot("tokens-cards-390");

		browser.open("/customer/presence");
		assertThat(browser.overflowRight(By.cssSelector("#presence-rules tbody select"))).isZero();
		assertThat(browser.overflowsSideways(By.cssSelector(".table-wrap"))).isFalse();
		((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('rules').scrollIntoView()");
		browser.screenshot("presence-rules-cards-390");

		browser.windowSize(1280, 900).open("/account/tokens");
		assertThat(browser.find(By.cssSelector("#tokens-table thead th")).isDisplayed()).isTrue();
		browser.screenshot("tokens-table-1280");
	}

	@Test
	void theAuditTrailFitsAPhoneScreen(Browser browser) {
		var customer = AccountFixtures.account(identity, Role.CUSTOMER);
		transaction.executeWithoutResult(s -> audit.record(AuditChange
			.of(customer.id(), customer.id().value(), "order", "PO-100042", "change-address")
			.field("deliveryAddress.line1", "Ringstraße 4, Hinterhaus, dritter Stock links", "Mariahilfer Straße 12")));
		var agent = AccountFixtures.account(identity, Role.AGENT);

		browser.windowSize(390, 844).signIn(agent.username(), AccountFixtures.PASSWORD)
			.open("/agent/audit?customer=" + customer.id().value());
		assertThat(browser.text(By.id("audit-table"))).contains("PO-100042", "Mariahilfer Straße 12");
		assertThat(browser.overflowRight(By.cssSelector("#audit-table tbody td"))).isZero();
		assertThat(browser.overflowsSideways(By.cssSelector(".table-wrap"))).isFalse();
		browser.screenshot("audit-cards-390");

		browser.windowSize(1280, 900).reload();
		assertThat(browser.find(By.cssSelector("#audit-table thead th")).isDisplayed()).isTrue();
		browser.screenshot("audit-table-1280");
	}
}

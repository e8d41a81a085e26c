package dev.parley.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.catalog.Catalog;
import dev.parley.common.Medium;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;

@BrowserTest
class HistoryBrowserTests {

	@Autowired
	IdentityManagement identity;

	@Autowired
	Catalog catalog;

	@Autowired
	InteractionHistory history;

	@Test
	void customerSeesHistoryGroupedByProductAndAgentFiltersAndRates(Browser browser) {
		var customer = AccountFixtures.account(identity, Role.CUSTOMER);
		var phone = HistoryFixtures.product(catalog, "Zephyr phone");
		var router = HistoryFixtures.product(catalog, "Aurora router");
		var ana = HistoryFixtures.agent(identity, "Ana Lima");
		var ben = HistoryFixtures.agent(identity, "Ben Okafor");
		var id = customer.id().value();
		HistoryFixtures.record(history, id, phone, ana, Medium.CHAT, "2026-03-01T10:00:00Z", "Screen flickers");
		HistoryFixtures.record(history, id, phone, ben, Medium.VOICE, "2026-02-20T09:00:00Z", "Battery drains");
		HistoryFixtures.record(history, id, router, ben, Medium.EMAIL, "2026-03-05T16:30:00Z", "No internet");
		HistoryFixtures.record(history, id, router, ana, Medium.CHAT, "2026-02-10T08:00:00Z", "Router setup");

		browser.signIn(customer.username(), AccountFixtures.PASSWORD).open("/customer/history");
		assertThat(texts(browser, ".history-product > h2 > span:first-child")).containsExactly("Aurora router",
				"Zephyr phone");
		assertThat(texts(browser, ".history-agent > h3 > span:first-child")).containsExactly("Ana Lima",
				"Ben Okafor", "Ana Lima", "Ben Okafor");
		browser.screenshot("history-1280");
		browser.windowSize(390, 844).screenshot("history-390");
		scrollTo(browser, ".history-product");
		browser.screenshot("history-390-results");
		browser.windowSize(1280, 900);

		browser.select(By.id("filter-product"), phone.toString()).click(By.id("filter-submit"));
		assertThat(texts(browser, ".history-product > h2 > span:first-child")).containsExactly("Zephyr phone");
		assertThat(browser.pageText()).contains("Screen flickers", "Battery drains").doesNotContain("No internet");

		browser.click(By.id("filter-reset")).select(By.id("filter-medium"), "CHAT").click(By.id("filter-submit"));
		assertThat(texts(browser, ".history-medium")).containsOnly("Chat").hasSize(2);
		assertThat(browser.pageText()).contains("Screen flickers", "Router setup").doesNotContain("Battery drains");
		browser.screenshot("history-filtered");

		browser.click(By.linkText("2026-03-01 10:00"));
		assertThat(browser.text(By.id("history-summary"))).isEqualTo("Screen flickers");
		browser.click(By.id("rating-save"));
		assertThat(browser.text(By.id("rating-error"))).contains("must be given");
		browser.screenshot("history-rating-error");
		browser.click(By.cssSelector("label[for=rating-4]")).type(By.id("rating-comment"), "Helpful")
			.click(By.id("rating-save"));
		assertThat(browser.text(By.cssSelector(".flash"))).contains("rating is saved");
		assertThat(browser.text(By.id("rating-current"))).contains("4 of 5");
		browser.screenshot("history-detail-1280");
		browser.windowSize(390, 844);
		scrollTo(browser, "#rating-form");
		browser.screenshot("history-detail-390");
	}

	@Test
	void theHistoryTableFitsAPhoneScreenAsOneCardPerInteraction(Browser browser) {
		var customer = AccountFixtures.account(identity, Role.CUSTOMER);
		var plan = HistoryFixtures.product(catalog, "Mobile Plan 20 GB");
		var ana = HistoryFixtures.agent(identity, "Ana Lima");
		var id = customer.id().value();
		HistoryFixtures.record(history, id, plan, ana, Medium.CHAT, "2026-03-01T10:00:00Z",
				"The customer's plan showed no data after the renewal; we reset the profile and it worked again");
		HistoryFixtures.record(history, id, plan, ana, Medium.VOICE, "2026-02-20T09:00:00Z", "Roaming question");

		browser.windowSize(390, 844).signIn(customer.username(), AccountFixtures.PASSWORD).open("/customer/history");
		scrollTo(browser, ".history-product");
		browser.screenshot("history-cards-390");
		assertThat(browser.overflowsSideways(By.cssSelector(".table-wrap"))).isFalse();
		assertThat(browser.findAll(By.cssSelector(".history-table tbody tr"))).hasSize(2);
		assertThat(browser.overflowRight(By.cssSelector(".history-table tbody td:last-child span"))).isZero();
		assertThat(browser.overflowRight(By.cssSelector(".history-table tbody td"))).isZero();

		browser.windowSize(1280, 900).reload();
		assertThat(browser.find(By.cssSelector(".history-table thead th")).isDisplayed()).isTrue();
		browser.screenshot("history-table-1280");
	}

	static void scrollTo(Browser browser, String css) {
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].scrollIntoView()", browser.find(By.cssSelector(css)));
	}

	private static List<String> texts(Browser browser, String css) {
		browser.find(By.cssSelector("#history-results"));
		return browser.findAll(By.cssSelector(css)).stream().map(WebElement::getText).toList();
	}
}

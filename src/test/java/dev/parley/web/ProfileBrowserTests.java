package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.customer.CustomerManagement;
import dev.parley.customer.Registration;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;

@BrowserTest
class ProfileBrowserTests {

	@Autowired
	CustomerManagement customers;

	@Test
	void aCustomerEditsEachSectionAndSeesTheChangesAfterAReload(Browser browser) {
		String username = signIn(browser);
		browser.screenshot("profile-1280");

		browser.type(By.id("d-name"), "Cora Changed").select(By.id("d-timeZone"), "America/Sao_Paulo")
			.select(By.id("d-country"), "BR");
		submit(browser, "demographics-form");

		browser.select(By.id("cap-1-kind"), "PHONE").type(By.id("cap-1-address"), "+41 44 668 18 00")
			.select(By.id("cap-preferred"), "VOICE");
		submit(browser, "capabilities-form");

		browser.select(By.id("win-0-day"), "MONDAY");
		set(browser, "win-0-start", "09:00");
		set(browser, "win-0-end", "12:00");
		set(browser, "exc-0-date", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(2).toString());
		browser.select(By.id("exc-0-kind"), "FREE").type(By.id("exc-0-note"), "day off");
		submit(browser, "agenda-form");

		browser.type(By.id("int-0-topic"), "solar panels").select(By.id("int-0-level"), "HIGH")
			.click(By.id("int-consent"));
		submit(browser, "interests-form");

		browser.open("/customer/profile");
		assertThat(browser.value(By.id("d-name"))).isEqualTo("Cora Changed");
		assertThat(browser.value(By.id("d-timeZone"))).isEqualTo("America/Sao_Paulo");
		assertThat(browser.value(By.id("cap-0-address"))).isEqualTo(username + "@example.com");
		assertThat(browser.value(By.id("cap-1-address"))).isEqualTo("+41446681800");
		assertThat(browser.value(By.id("cap-preferred"))).isEqualTo("VOICE");
		assertThat(browser.value(By.id("win-0-day"))).isEqualTo("MONDAY");
		assertThat(browser.value(By.id("win-0-end"))).isEqualTo("12:00");
		assertThat(browser.value(By.id("exc-0-note"))).isEqualTo("day off");
		assertThat(browser.value(By.id("exc-0-kind"))).isEqualTo("FREE");
		assertThat(browser.value(By.id("int-0-topic"))).isEqualTo("solar panels");
		assertThat(browser.find(By.id("int-consent")).isSelected()).isTrue();
		assertThat(browser.pageText()).contains("America/Sao_Paulo");
		browser.windowSize(1280, 3400).reload();
		browser.screenshot("profile-filled-1280");
		browser.windowSize(390, 844).reload();
		browser.screenshot("profile-390");
		browser.windowSize(390, 7000).reload();
		browser.screenshot("profile-390-full");
	}

	@Test
	void anInvalidPhoneShowsAnErrorNextToTheFieldAndSavesNothing(Browser browser) {
		signIn(browser);
		browser.select(By.id("cap-1-kind"), "PHONE").type(By.id("cap-1-address"), "12345");
		browser.click(By.cssSelector("#capabilities-form button[type=submit]"));

		var error = browser.find(By.id("cap-1-address-error"));
		assertThat(error.getText()).contains("international number");
		assertThat(browser.find(By.id("cap-1-address")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.find(By.id("cap-1-address")).getDomAttribute("aria-describedby")).isEqualTo("cap-1-address-error");
		assertThat(browser.value(By.id("cap-1-address"))).isEqualTo("12345");
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", error);
		browser.screenshot("profile-invalid-phone");

		browser.open("/customer/profile");
		assertThat(browser.value(By.id("cap-1-address"))).isEmpty();
		assertThat(browser.findAll(By.className("field-error"))).isEmpty();
	}

	private String signIn(Browser browser) {
		String username = AccountFixtures.uniqueName("cora");
		customers.register(new Registration(username, "Cora Customer", username + "@example.com",
				AccountFixtures.PASSWORD, "Europe/Berlin"));
		browser.signIn(username, AccountFixtures.PASSWORD).open("/customer/profile");
		return username;
	}

	private static void submit(Browser browser, String formId) {
		// Browser.click waits for the answer to replace the page: the page left behind may show the last
		// section's "Saved" already, and reading it while the browser replaces it is no answer.
		browser.click(By.cssSelector("#" + formId + " button[type=submit]"));
		assertThat(browser.text(By.cssSelector(".flash"))).startsWith("Saved");
	}

	private static void set(Browser browser, String id, String value) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
				browser.find(By.id(id)), value);
	}
}

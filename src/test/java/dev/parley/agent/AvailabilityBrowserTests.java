package dev.parley.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.common.Medium;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;

@BrowserTest
class AvailabilityBrowserTests {

	@Autowired
	IdentityManagement identity;

	@Autowired
	AgentManagement agents;

	@Test
	void customerSeesGroupsHoursAndTheLivePlaceholderAndAdminEditsHours(Browser browser) {
		String key = AccountFixtures.uniqueName("care").toLowerCase();
		agents.createGroup(new NewGroup(key, "Customer care", "Billing and returns.", Set.of(Medium.CHAT,
				Medium.EMAIL), "Europe/Berlin", List.of(new HoursEntry("MONDAY", "08:30", "12:30"),
						new HoursEntry("MONDAY", "13:30", "17:30"), new HoursEntry("FRIDAY", "09:00", "15:00")),
				List.of(new ClosureEntry("2099-12-25", "Christmas"))), null);

		var customer = AccountFixtures.account(identity, Role.CUSTOMER);
		browser.signIn(customer.username(), AccountFixtures.PASSWORD).open("/customer/availability");
		var card = browser.find(By.id("group-" + key));
		assertThat(card.getText()).contains("Customer care", "08:30–12:30, 13:30–17:30", "Christmas");
		assertThat(browser.find(By.id("live-availability")).getAttribute("class")).contains("placeholder");
		browser.screenshot("availability-1280");
		browser.windowSize(390, 844).screenshot("availability-390");

		browser.open("/logout");
		browser.driver().manage().deleteAllCookies();
		var admin = AccountFixtures.account(identity, Role.ADMIN);
		browser.windowSize(390, 844).signIn(admin.username(), AccountFixtures.PASSWORD).open("/admin/groups");
		assertThat(browser.overflowRight(By.cssSelector("#groups-table tbody td"))).isZero();
		assertThat(browser.overflowsSideways(By.cssSelector(".table-wrap"))).isFalse();
		browser.screenshot("admin-groups-cards-390");
		browser.windowSize(1280, 900).reload();
		browser.click(By.cssSelector("a[href$='/admin/groups/" + key + "']"));
		setTime(browser, "hours-2-close", "08:00");
		browser.click(By.id("hours-save"));
		assertThat(browser.text(By.id("hours-2-close-error"))).contains("after the opening time");
		assertThat(browser.find(By.id("hours-2-close")).getAttribute("aria-invalid")).isEqualTo("true");
		browser.screenshot("admin-group-error");

		setTime(browser, "hours-2-close", "16:00");
		browser.select(By.id("hours-3-day"), "SATURDAY");
		setTime(browser, "hours-3-open", "10:00");
		setTime(browser, "hours-3-close", "13:00");
		browser.click(By.id("hours-save"));
		assertThat(browser.text(By.cssSelector(".flash"))).isNotBlank();
		assertThat(agents.group(key).schedule().describeHours()).isEqualTo(
				"MON 08:30-12:30, MON 13:30-17:30, FRI 09:00-16:00, SAT 10:00-13:00");
		browser.screenshot("admin-group-1280");
		browser.windowSize(390, 844).screenshot("admin-group-390");
	}

	/** Time inputs take locale-dependent keystrokes; set the value as a form would send it. */
	static void setTime(Browser browser, String id, String value) {
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].value = arguments[1]", browser.find(By.id(id)), value);
	}
}

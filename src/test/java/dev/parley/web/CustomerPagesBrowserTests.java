package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.customer.AttributeManagement;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;

/** Registration (which starts at the browser's time zone) and the administrator's attribute page, end to end. */
@BrowserTest
class CustomerPagesBrowserTests {

	@Autowired
	IdentityManagement identity;

	@Autowired
	AttributeManagement attributes;

	@Test
	void registersKeepingInputOnErrorsThenSignsInWithTheChosenTimeZone(Browser browser) {
		String username = AccountFixtures.uniqueName("reg");
		browser.open("/register").type(By.id("reg-username"), username).type(By.id("reg-displayName"), "Reggie")
			.type(By.id("reg-email"), "not-an-email").type(By.id("reg-password"), AccountFixtures.PASSWORD)
			.select(By.id("reg-timeZone"), "Asia/Tokyo").click(By.cssSelector("#register-form button[type=submit]"));

		assertThat(browser.text(By.id("reg-email-error"))).contains("email address");
		assertThat(browser.value(By.id("reg-username"))).isEqualTo(username);
		assertThat(browser.value(By.id("reg-timeZone"))).isEqualTo("Asia/Tokyo");
		assertThat(identity.credentials(username)).isEmpty();
		browser.screenshot("register-error");

		browser.type(By.id("reg-email"), username + "@example.com").type(By.id("reg-password"), AccountFixtures.PASSWORD)
			.click(By.cssSelector("#register-form button[type=submit]"));
		browser.waitFor(d -> d.getCurrentUrl().contains("/login?registered"));
		browser.signIn(username, AccountFixtures.PASSWORD).open("/customer/profile");
		assertThat(browser.value(By.id("d-timeZone"))).isEqualTo("Asia/Tokyo");
		assertThat(browser.value(By.id("cap-0-address"))).isEqualTo(username + "@example.com");
	}

	@Test
	void registrationStartsAtTheBrowsersTimeZone(Browser browser) {
		((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setTimezoneOverride",
				Map.of("timezoneId", "America/Chicago"));
		browser.open("/register");
		browser.waitFor(d -> "America/Chicago".equals(browser.value(By.id("reg-timeZone"))));
	}

	@Test
	void anAdministratorAddsEditsAndDeletesAnAttributeThatCustomersThenSee(Browser browser) {
		String key = "pet_" + AccountFixtures.uniqueName("x").substring(2, 10).replace("-", "");
		var admin = AccountFixtures.account(identity, Role.ADMIN);
		browser.signIn(admin.username(), AccountFixtures.PASSWORD).open("/admin/attributes")
			.type(By.id("attr-key"), "Bad Key").click(By.cssSelector("#attribute-form button[type=submit]"));
		assertThat(browser.text(By.id("attr-key-error"))).contains("lower-case");

		browser.type(By.id("attr-key"), key).type(By.id("attr-label"), "Pet").select(By.id("attr-type"), "CHOICE")
			.type(By.id("attr-options"), "cat\ndog").click(By.cssSelector("#attribute-form button[type=submit]"));
		assertThat(browser.text(By.id("attribute-definitions"))).contains(key, "cat, dog");
		browser.screenshot("admin-attributes");

		browser.open("/admin/attributes/" + key).type(By.id("attr-label"), "Pet kind")
			.click(By.cssSelector("#attribute-form button[type=submit]"));
		assertThat(browser.text(By.id("attribute-definitions"))).contains("Pet kind");
		assertThat(attributes.get(key).label()).isEqualTo("Pet kind");

		browser.click(By.cssSelector("form[action$='/" + key + "/delete'] button"));
		var question = new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
		assertThat(question.getText()).isNotBlank();
		question.dismiss();
		assertThat(attributes.get(key).label()).as("kept when the question is answered no").isEqualTo("Pet kind");
		browser.click(By.cssSelector("form[action$='/" + key + "/delete'] button")).acceptDialogIfAny();
		browser.waitFor(d -> !d.getPageSource().contains(key));
		assertThat(attributes.list()).noneMatch(d -> d.key().equals(key));
	}
}

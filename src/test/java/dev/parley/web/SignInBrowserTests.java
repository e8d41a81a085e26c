package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.SignInThrottle;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;

@BrowserTest
class SignInBrowserTests {

	@Autowired
	IdentityManagement identity;

	@Autowired
	SignInThrottle throttle;

	@Test
	void signsInWithAnHttpOnlySameSiteSessionCookieAndLandsOnTheRolesHome(Browser browser) {
		var agent = AccountFixtures.account(identity, Role.AGENT);
		browser.signIn(agent.username(), AccountFixtures.PASSWORD);

		assertThat(browser.url()).endsWith("/agent");
		Cookie session = browser.driver().manage().getCookieNamed("PARLEY_SESSION");
		assertThat(session).isNotNull();
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualToIgnoringCase("Lax");
	}

	@Test
	void refusesAWrongPasswordWithAMessage(Browser browser) {
		var agent = AccountFixtures.account(identity, Role.AGENT);
		browser.open("/login").type(By.id("username"), agent.username()).type(By.id("password"), "wrong-password")
			.click(By.cssSelector("form[action$='/login'] button[type=submit]"));

		assertThat(browser.find(By.cssSelector("[role=alert]")).getText()).contains("Wrong username or password");
		assertThat(browser.url()).contains("/login");
	}

	@Test
	void aLockedSignInSaysHowLongToWaitAndAnAdministratorSeesAndLiftsTheLock(Browser browser) {
		var agent = AccountFixtures.account(identity, Role.AGENT);
		var admin = AccountFixtures.account(identity, Role.ADMIN);
		for (int i = 0; i < 12; i++) {
			throttle.failed(agent.username(), "127.0.0.1", SignInThrottle.Channel.FORM);
		}
		browser.open("/login").type(By.id("username"), agent.username()).type(By.id("password"), AccountFixtures.PASSWORD)
			.click(By.cssSelector("form[action$='/login'] button[type=submit]"));
		assertThat(browser.text(By.id("sign-in-locked"))).startsWith("Too many failed sign-ins. Wait ").contains("minutes");
		browser.screenshot("sign-in-locked");

		browser.signIn(admin.username(), AccountFixtures.PASSWORD).open("/admin")
			.click(By.linkText("Sign-in locks"));
		assertThat(browser.text(By.id("sign-in-locks"))).contains(agent.username()).contains("this username from this address");
		browser.screenshot("admin-sign-in-locks");
		browser.windowSize(390, 844).screenshot("admin-sign-in-locks-phone");
		browser.windowSize(1280, 900);
		browser.click(By.cssSelector("#sign-in-locks button[aria-label*='" + agent.username() + "']"));
		assertThat(browser.pageText()).contains("The lock is lifted");
		assertThat(throttle.refusal(agent.username(), "127.0.0.1")).isEmpty();

		browser.driver().manage().deleteAllCookies();
		browser.signIn(agent.username(), AccountFixtures.PASSWORD);
		assertThat(browser.url()).endsWith("/agent");
	}

	@Test
	void createsAndRevokesAnApiTokenShowingTheSecretOnce(Browser browser) {
		var customer = AccountFixtures.account(identity, Role.CUSTOMER);
		browser.signIn(customer.username(), AccountFixtures.PASSWORD).open("/account/tokens")
			.type(By.id("token-name"), "my script").click(By.cssSelector("form[action$='/account/tokens'] button"));

		assertThat(browser.text(By.id("new-token"))).startsWith("pk_");
		browser.reload();
		assertThat(browser.findAll(By.id("new-token"))).isEmpty();
		assertThat(browser.pageText()).contains("my script");
	}
}

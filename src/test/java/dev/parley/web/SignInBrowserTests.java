package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;

@BrowserTest
class SignInBrowserTests {

	@Autowired
	IdentityManagement identity;

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

package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.status.ErlangA;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;

/** A supervisor asks how many agents a load needs, by Erlang C and A, and is told what is wrong with bad input. */
@BrowserTest
class WhatIfBrowserTests {

	@Autowired
	IdentityManagement identity;

	@Test
	void aSupervisorWorksOutTheStaffing(Browser browser) {
		var supervisor = AccountFixtures.account(identity, Role.SUPERVISOR);
		browser.signIn(supervisor.username(), AccountFixtures.PASSWORD).open("/supervisor/what-if");
		browser.type(By.id("contactsPerHour"), "300").type(By.id("handleSeconds"), "180")
			.type(By.id("patienceSeconds"), "90").type(By.id("targetSeconds"), "20").type(By.id("serviceLevel"), "80")
			.click(By.id("run-what-if"));
		int c = ErlangA.agentsFor(300 / 3600.0, 1 / 180.0, 0, 20, 0.8);
		int a = ErlangA.agentsFor(300 / 3600.0, 1 / 180.0, 1 / 90.0, 20, 0.8);
		assertThat(browser.text(By.id("need-c"))).isEqualTo(String.valueOf(c));
		assertThat(browser.text(By.id("need-a"))).isEqualTo(String.valueOf(a));
		assertThat(browser.findAll(By.cssSelector("#staffings tr.chosen"))).isNotEmpty();
		browser.screenshot("what-if");
		browser.windowSize(390, 844).reload();
		assertThat(browser.overflowsSideways(By.cssSelector(".what-if .card"))).isFalse();
		browser.screenshot("what-if-phone");
	}

	@Test
	void badInputIsNamed(Browser browser) {
		var supervisor = AccountFixtures.account(identity, Role.SUPERVISOR);
		browser.signIn(supervisor.username(), AccountFixtures.PASSWORD)
			.open("/supervisor/what-if?contactsPerHour=-5&handleSeconds=abc&patienceSeconds=&targetSeconds=20&serviceLevel=100");
		String errors = browser.text(By.cssSelector(".error-summary"));
		assertThat(errors).contains("contactsPerHour", "handleSeconds: must be a number", "serviceLevel");
		assertThat(browser.findAll(By.id("what-if-answer"))).isEmpty();
	}
}

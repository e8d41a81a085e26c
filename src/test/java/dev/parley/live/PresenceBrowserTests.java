package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;

/** Two people, two browsers: an agent sees a customer's presence change live, without reloading. */
@BrowserTest
@TestPropertySource(properties = { "parley.presence.portal.grace=2s", "parley.presence.portal.idle-after=3s",
		"parley.live.keep-alive=30s" })
class PresenceBrowserTests {

	@Autowired
	IdentityManagement identity;

	@Test
	void anAgentSeesACustomerWhoAllowsItComeOnlineGoIntoAMeetingAndLeave(Browser customerTab, Browser agentTab) {
		var customer = AccountFixtures.account(identity, Role.CUSTOMER);
		var agent = AccountFixtures.account(identity, Role.AGENT);
		By row = By.id("customer-" + customer.id().value());

		customerTab.signIn(customer.username(), AccountFixtures.PASSWORD).open("/customer/presence")
			.select(By.id("agents-handling"), "allow").select(By.id("agents-visibility"), "full")
			.click(By.id("save-rules"));
		assertThat(customerTab.text(By.cssSelector(".flash"))).contains("saved");

		agentTab.signIn(agent.username(), AccountFixtures.PASSWORD);
		assertThat(agentTab.url()).endsWith("/agent");
		agentTab.waitFor(d -> "active".equals(d.findElement(row).getDomAttribute("data-state")));
		agentTab.waitFor(d -> d.findElement(row).getText().contains("Online"));

		customerTab.click(By.id("activity-busy")).click(By.id("activity-meeting"))
			.type(By.id("note"), "In a meeting until 3").click(By.id("status-open")).click(By.id("save-status"));
		assertThat(customerTab.text(By.cssSelector(".flash"))).contains("status is set");
		agentTab.waitFor(d -> d.findElement(row).getText().contains("in a meeting"));
		assertThat(agentTab.text(row)).contains("busy", "In a meeting until 3", "Online");
		customerTab.waitFor(d -> d.findElement(By.id("presence-watchers")).getText().contains("watching"));
		assertThat(customerTab.text(By.id("presence-watchers"))).contains(agent.displayName());

		screenshots(customerTab, "presence-customer", agentTab, "presence-agent");
		((org.openqa.selenium.JavascriptExecutor) customerTab.driver())
			.executeScript("document.getElementById('rules').scrollIntoView()");
		customerTab.screenshot("presence-customer-rules-and-watchers-1280");
		customerTab.windowSize(390, 844);
		((org.openqa.selenium.JavascriptExecutor) customerTab.driver())
			.executeScript("document.getElementById('presence-watchers').scrollIntoView()");
		assertThat(customerTab.overflowRight(By.cssSelector("#presence-watchers tbody td"))).isZero();
		assertThat(customerTab.overflowsSideways(By.cssSelector("#presence-watchers .table-wrap"))).isFalse();
		customerTab.screenshot("presence-customer-watchers-390");
		customerTab.windowSize(1280, 900);

		agentTab.waitFor(d -> d.findElement(row).getText().contains("away")); // no input for a while: idle
		customerTab.click(By.id("note"));
		agentTab.waitFor(d -> !d.findElement(row).getText().contains("away"));

		customerTab.driver().get("about:blank"); // the tab goes: its beacon closes the connection
		agentTab.waitFor(d -> d.findElement(row).getText().contains("Offline"));
		assertThat(agentTab.text(row)).doesNotContain("Online");
		agentTab.screenshot("presence-agent-customer-left");
	}

	private static void screenshots(Browser a, String aName, Browser b, String bName) {
		a.screenshot(aName + "-1280");
		b.screenshot(bName + "-1280");
		a.windowSize(390, 844);
		b.windowSize(390, 844);
		a.screenshot(aName + "-390");
		b.screenshot(bName + "-390");
		a.windowSize(1280, 900);
		b.windowSize(1280, 900);
	}
}

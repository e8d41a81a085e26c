package dev.parley.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.common.Medium;
import dev.parley.customer.CustomerManagement;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.invitations.InvitationFixtures;
import dev.parley.presence.PresencePrivacy;
import dev.parley.presence.PresencePrivacy.RuleInput;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;

/**
 * Two real browsers. An agent adds a "customer comes online" rule on his rules page and keeps his workstation open;
 * when the customer signs in to the portal, the alert arrives live there and his header's count goes up.
 * A customer adds an "agent available" rule for a queue on her rules page and opens her portal;
 * when an agent of that queue sets himself Ready in his workstation, the alert arrives live in her open page (a
 * polite status region, focus left where it was) and the header's count goes up; she dismisses it in the inbox.
 */
@BrowserTest
class AlertBrowserTests {

	@Autowired
	AgentManagement agents;

	@Autowired
	QueueManagement queues;

	@Autowired
	CustomerManagement customers;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PresencePrivacy privacy;

	@Test
	void aWatchedCustomerComingOnlineAlertsTheAgentLiveInHisWorkstation(Browser agentTab, Browser customerTab) {
		String group = RoutingFixtures.openGroup(agents);
		Agent agent = RoutingFixtures.agent(agents, group);
		var cora = InvitationFixtures.consenting(customers, "Europe/Berlin", "Cora Watched");
		privacy.updateRules(cora.id().value(), Map.of("agents", new RuleInput("allow", "full"), "supervisors",
				new RuleInput("allow", "full"), "others", new RuleInput("block", "nothing")), null, 0L);

		agentTab.signIn(identity.get(new AccountId(agent.id().value())).username(), AccountFixtures.PASSWORD);
		agentTab.open("/agent/alert-rules");
		agentTab.select(By.id("rule-kind"), "customer-online").select(By.id("rule-customer"), cora.id().value().toString())
			.click(By.id("rule-add"));
		agentTab.waitFor(d -> d.findElement(By.id("alert-rules")).getText().contains("Cora Watched"));

		agentTab.open("/agent");
		agentTab.waitFor(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return !!window.ParleyLive")));
		assertThat(agentTab.text(By.id("alerts-count"))).isEqualTo("0");

		customerTab.signIn(InvitationFixtures.username(identity, cora.id()), AccountFixtures.PASSWORD);
		assertThat(customerTab.url()).endsWith("/customer");

		agentTab.waitFor(d -> d.findElement(By.id("alert-live")).getText().contains("Cora Watched is online now"));
		assertThat(agentTab.find(By.id("alert-live")).getAttribute("role")).isEqualTo("status");
		agentTab.waitFor(d -> d.findElement(By.id("alerts-count")).getText().equals("1"));
		assertThat(agentTab.find(By.id("alerts-unread")).getAttribute("textContent")).isEqualTo(", 1 unread");
		agentTab.screenshot("alert-agent-live-1280");

		agentTab.click(By.cssSelector("#alert-live a"));
		agentTab.waitFor(d -> d.getCurrentUrl().endsWith("/agent/alerts"));
		assertThat(agentTab.text(By.cssSelector("#alert-inbox .alert-text"))).isEqualTo("Cora Watched is online now");
	}

	@Test
	void anAgentAvailableAlertArrivesLiveInTheCustomersOpenPage(Browser customerTab, Browser agentTab) {
		String group = RoutingFixtures.openGroup(agents);
		Queue queue = RoutingFixtures.queue(queues, group, EnumSet.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		Agent agent = RoutingFixtures.agent(agents, group);
		var cora = InvitationFixtures.consenting(customers, "Europe/Berlin", "Cora Alerted");

		customerTab.signIn(InvitationFixtures.username(identity, cora.id()), AccountFixtures.PASSWORD);
		assertThat(customerTab.text(By.id("alerts-count"))).isEqualTo("0");
		customerTab.open("/customer/alert-rules");
		customerTab.select(By.id("rule-kind"), "queue-agent-available").select(By.id("rule-queue"), queue.key())
			.click(By.id("rule-add"));
		customerTab.waitFor(d -> d.findElement(By.id("alert-rules")).getText().contains(queue.name()));
		customerTab.screenshot("alert-rules-1280");

		customerTab.open("/customer");
		customerTab.waitFor(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
				"return !!window.ParleyLive")));
		customerTab.find(By.id("alerts-link")); // the header's link is there before anything happens
		((JavascriptExecutor) customerTab.driver()).executeScript("document.getElementById('alerts-link').focus()");

		agentTab.signIn(identity.get(new AccountId(agent.id().value())).username(), AccountFixtures.PASSWORD);
		agentTab.select(By.id("state"), "ready").click(By.id("set-state"));
		agentTab.waitFor(d -> d.findElement(By.id("agent-now")).getText().contains("Ready"));

		customerTab.waitFor(d -> d.findElement(By.id("alert-live")).getText()
			.contains("An agent for " + queue.name() + " is available now"));
		assertThat(customerTab.find(By.id("alert-live")).getAttribute("role")).isEqualTo("status");
		assertThat(customerTab.find(By.id("alert-live")).getAttribute("aria-live")).isEqualTo("polite");
		customerTab.waitFor(d -> d.findElement(By.id("alerts-count")).getText().equals("1"));
		assertThat(customerTab.find(By.id("alerts-unread")).getAttribute("textContent")).isEqualTo(", 1 unread");
		Object focus = ((JavascriptExecutor) customerTab.driver())
			.executeScript("return document.activeElement && document.activeElement.id");
		assertThat(focus).isEqualTo("alerts-link");
		customerTab.screenshot("alert-live-1280");
		customerTab.windowSize(390, 844);
		assertThat(customerTab.overflowsSideways(By.cssSelector("#alert-live, .site-header a"))).isFalse();
		customerTab.screenshot("alert-live-390");
		customerTab.windowSize(1280, 900);

		customerTab.click(By.cssSelector("#alert-live a"));
		customerTab.waitFor(d -> d.getCurrentUrl().endsWith("/customer/alerts"));
		assertThat(customerTab.text(By.cssSelector("#alert-inbox .alert-text")))
			.isEqualTo("An agent for " + queue.name() + " is available now");
		customerTab.click(By.cssSelector("#alert-inbox button.dismiss"));
		customerTab.waitFor(d -> !d.findElements(By.id("alert-inbox-empty")).isEmpty());
		assertThat(customerTab.text(By.id("alerts-count"))).isEqualTo("0");
	}
}

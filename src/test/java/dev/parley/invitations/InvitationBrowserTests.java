package dev.parley.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.chat.Chat;
import dev.parley.chat.Participant;
import dev.parley.common.Medium;
import dev.parley.customer.CustomerManagement;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.presence.PresencePrivacy;
import dev.parley.presence.PresencePrivacy.RuleInput;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;

/**
 * Two real browsers: an agent invites an online customer from the workstation, the customer sees the notice live in
 * the portal (a polite status region, focus left alone), accepts, and both are in the same chat at once.
 */
@BrowserTest
class InvitationBrowserTests {

	@Autowired
	AgentManagement agents;

	@Autowired
	QueueManagement queues;

	@Autowired
	CustomerManagement customers;

	@Autowired
	PresencePrivacy privacy;

	@Autowired
	IdentityManagement identity;

	@Autowired
	Chat chat;

	@Test
	void anAgentInvitesAnOnlineCustomerWhoAcceptsInThePortalAndBothAreInTheChat(Browser agentTab, Browser customerTab) {
		String group = RoutingFixtures.openGroup(agents);
		RoutingFixtures.queue(queues, group, EnumSet.allOf(Medium.class), RoutingStrategy.LONGEST_IDLE, 60);
		Agent agent = RoutingFixtures.agent(agents, group);
		var cora = InvitationFixtures.consenting(customers, "Europe/Berlin", "Cora Invited");
		privacy.updateRules(cora.id().value(), Map.of("agents", new RuleInput("allow", "full"), "supervisors",
				new RuleInput("allow", "full"), "others", new RuleInput("block", "nothing")), null, 0L);

		customerTab.signIn(InvitationFixtures.username(identity, cora.id()), AccountFixtures.PASSWORD);
		assertThat(customerTab.url()).endsWith("/customer");
		assertThat(customerTab.findAll(By.cssSelector("#invitation-notice .invitation"))).isEmpty();

		agentTab.signIn(identity.get(new AccountId(agent.id().value())).username(), AccountFixtures.PASSWORD);
		agentTab.select(By.id("state"), "ready").click(By.id("set-state"));
		agentTab.waitFor(d -> d.findElement(By.id("agent-now")).getText().contains("Ready"));
		agentTab.select(By.id("invite-customer"), "Cora Invited").select(By.id("invite-medium"), "CHAT")
			.type(By.id("invite-order"), "PO-100042");
		((JavascriptExecutor) agentTab.driver()).executeScript("document.getElementById('invitations-card').scrollIntoView()");
		agentTab.screenshot("invitation-workstation-1280");
		agentTab.click(By.id("invite-send"));
		agentTab.waitFor(d -> !d.findElements(By.cssSelector("#invitations-card li[data-state=pending]")).isEmpty());
		// the card is redrawn by live events: read it again until it says so (no stale element)
		agentTab.waitFor(d -> d.findElement(By.id("invitations-card")).getText().contains("Invitation sent to Cora Invited"));

		// the customer's portal shows it live, without taking focus
		customerTab.waitFor(d -> !d.findElements(By.cssSelector("#invitation-notice .invitation")).isEmpty());
		String notice = customerTab.text(By.cssSelector("#invitation-notice .invitation-text"));
		assertThat(notice).isEqualTo(agent.displayName() + " from Group " + group + " invites you to chat about order PO-100042");
		assertThat(customerTab.find(By.id("invitation-notice")).getAttribute("role")).isEqualTo("status");
		Object focused = ((JavascriptExecutor) customerTab.driver())
			.executeScript("return document.activeElement === document.body || !document.getElementById('invitation-notice').contains(document.activeElement)");
		assertThat(focused).isEqualTo(Boolean.TRUE);
		customerTab.screenshot("invitation-notice-1280");
		customerTab.windowSize(390, 844);
		assertThat(customerTab.overflowsSideways(By.cssSelector("#invitation-notice, #invitation-notice button"))).isFalse();
		customerTab.screenshot("invitation-notice-390");
		customerTab.windowSize(1280, 900);

		customerTab.click(By.cssSelector("#invitation-notice .invitation button.primary"));
		customerTab.waitFor(d -> d.getCurrentUrl().contains("/customer/contact/"));
		String interaction = customerTab.find(By.id("contact-chat")).getAttribute("data-interaction");

		// the agent's workstation opens the chat at once, and they talk both ways
		By pane = By.id("chat-" + interaction);
		agentTab.waitFor(d -> !d.findElements(pane).isEmpty());
		agentTab.waitFor(d -> d.findElement(By.id("invitations-card")).getText().contains("accepted"));
		chat.post(Participant.agent(agent.id().value(), agent.displayName()),
				dev.parley.routing.InteractionId.parse(interaction), "Hello Cora, about your order", null);
		customerTab.waitFor(d -> d.findElement(By.id("messages")).getText().contains("Hello Cora, about your order"));
		customerTab.type(By.id("body"), "Thanks for reaching out").click(By.id("send"));
		agentTab.waitFor(d -> d.findElement(pane).getText().contains("Thanks for reaching out"));
		agentTab.screenshot("invitation-accepted-workstation-1280");
		agentTab.windowSize(390, 844);
		((JavascriptExecutor) agentTab.driver()).executeScript("document.getElementById('invitations-card').scrollIntoView()");
		assertThat(agentTab.overflowsSideways(By.cssSelector("#invitations-card, #invitations-card select, #invitations-card button")))
			.isFalse();
		agentTab.screenshot("invitation-workstation-390");
		assertThat(List.of(interaction)).isNotEmpty();
	}
}

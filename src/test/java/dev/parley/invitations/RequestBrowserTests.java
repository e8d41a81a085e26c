package dev.parley.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentState;
import dev.parley.agent.AgentStates;
import dev.parley.agent.AgentStatus;
import dev.parley.common.Medium;
import dev.parley.customer.CustomerManagement;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.routing.Interactions;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;
import dev.parley.testing.Eventually;

/**
 * Two real browsers: a customer asks a busy agent from the availability page, sees that the agent is busy and
 * chooses the queue instead; then asks a ready agent (a bad topic first: its error, nothing sent), who sees the
 * request live on the workstation and accepts, and the customer's page opens the chat by itself.
 */
@BrowserTest
class RequestBrowserTests {

	@Autowired
	AgentManagement agents;

	@Autowired
	AgentStates states;

	@Autowired
	QueueManagement queues;

	@Autowired
	CustomerManagement customers;

	@Autowired
	IdentityManagement identity;

	@Autowired
	Interactions interactions;

	@Test
	void aCustomerLeavesABusyAgentForTheQueueThenAsksAReadyAgentWhoAcceptsAndTheChatOpens(Browser agentTab,
			Browser customerTab) {
		String group = RoutingFixtures.openGroup(agents);
		RoutingFixtures.queue(queues, group, EnumSet.allOf(Medium.class), RoutingStrategy.LONGEST_IDLE, 60);
		Agent busy = RoutingFixtures.agent(agents, group);
		states.change(busy.id(), new AgentStatus(AgentState.READY, null, null));
		var caller = InvitationFixtures.consenting(customers, "UTC", "Carl Caller").id();
		interactions.startConnected(caller, busy.id(), Medium.VOICE, null, "a call");
		Eventually.value(() -> states.status(busy.id()).state() == AgentState.BUSY ? true : null);
		Agent ana = RoutingFixtures.agent(agents, group);
		var cora = InvitationFixtures.consenting(customers, "Europe/Berlin", "Cora Asking");

		customerTab.signIn(InvitationFixtures.username(identity, cora.id()), AccountFixtures.PASSWORD)
			.open("/customer/availability");
		customerTab.click(By.cssSelector("a.ask-agent[href$='/customer/ask/" + busy.id().value() + "']"));
		assertThat(customerTab.text(By.id("ask-agent-state"))).isEqualTo("busy now");
		customerTab.type(By.id("ask-topic"), "The router you set up").screenshot("ask-form-1280");
		customerTab.click(By.id("ask-send"));
		customerTab.waitFor(d -> d.getCurrentUrl().contains("/customer/ask/requests/"));
		assertThat(customerTab.text(By.id("ask-state"))).contains(busy.displayName() + " is with another customer now.");
		assertThat(customerTab.find(By.id("ask-state")).getAttribute("role")).isEqualTo("status");
		customerTab.screenshot("ask-busy-1280");
		customerTab.windowSize(390, 844);
		assertThat(customerTab.overflowsSideways(By.cssSelector("#ask-status, #ask-status button, #ask-status a"))).isFalse();
		customerTab.screenshot("ask-busy-390");
		customerTab.windowSize(1280, 900);
		customerTab.click(By.id("ask-to-queue"));
		customerTab.waitFor(d -> d.getCurrentUrl().contains("/customer/contact/"));

		agentTab.signIn(identity.get(new AccountId(ana.id().value())).username(), AccountFixtures.PASSWORD);
		agentTab.select(By.id("state"), "ready").click(By.id("set-state"));
		agentTab.waitFor(d -> d.findElement(By.id("agent-now")).getText().contains("Ready"));

		customerTab.open("/customer/ask/" + ana.id().value());
		((JavascriptExecutor) customerTab.driver()).executeScript(
				"document.getElementById('ask-topic').removeAttribute('maxlength');"
						+ "document.getElementById('ask-topic').value = 'x'.repeat(201);");
		customerTab.click(By.id("ask-send"));
		assertThat(customerTab.text(By.id("ask-topic-error"))).contains("at most 200 characters");
		assertThat(customerTab.find(By.id("ask-topic")).getAttribute("aria-invalid")).isEqualTo("true");
		customerTab.screenshot("ask-error-1280");
		assertThat(agentTab.findAll(By.cssSelector("#invitations-card li[data-state=pending]"))).as("nothing sent")
			.isEmpty();

		customerTab.type(By.id("ask-topic"), "My invoice");
		customerTab.click(By.id("ask-send"));
		customerTab.waitFor(d -> d.getCurrentUrl().contains("/customer/ask/requests/"));
		assertThat(customerTab.text(By.id("ask-state"))).contains("Waiting for " + ana.displayName() + " to answer.");
		String url = customerTab.url();
		String request = url.substring(url.lastIndexOf('/') + 1);

		By accept = By.cssSelector("#agent-invitation-" + request + " button.primary");
		agentTab.waitFor(d -> !d.findElements(accept).isEmpty());
		agentTab.click(accept);
		customerTab.waitFor(d -> d.getCurrentUrl().contains("/customer/contact/"));
		String interaction = customerTab.find(By.id("contact-chat")).getAttribute("data-interaction");
		agentTab.waitFor(d -> !d.findElements(By.id("chat-" + interaction)).isEmpty());
		assertThat(customerTab.policyViolations()).isEmpty();
	}
}

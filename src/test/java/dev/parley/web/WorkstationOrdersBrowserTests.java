package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.catalog.Catalog;
import dev.parley.catalog.Product;
import dev.parley.chat.Chat;
import dev.parley.chat.Participant;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.customer.CustomerManagement;
import dev.parley.customer.Registration;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.orders.Order;
import dev.parley.orders.OrderFixtures;
import dev.parley.orders.OrderFulfilment;
import dev.parley.orders.OrderStatus;
import dev.parley.orders.Orders;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.InteractionId;
import dev.parley.routing.Interactions;
import dev.parley.routing.NewContact;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;
import dev.parley.testing.Eventually;

/**
 * The workstation beside WorkstationBrowserTests, in a real browser: the agent cancels a customer's order from
 * the chat's context and the customer's order page says the agent did it; a bad address shows the fields'
 * messages and changes nothing; with two chats open, the chat list counts the customer's unread messages of the
 * chat not in view, and opening that chat clears its count. Customers act through the modules' services.
 */
@BrowserTest
class WorkstationOrdersBrowserTests {

	@Autowired
	AgentManagement agents;

	@Autowired
	QueueManagement queues;

	@Autowired
	AgentStates states;

	@Autowired
	Interactions interactions;

	@Autowired
	AgentDesk desk;

	@Autowired
	Chat chat;

	@Autowired
	IdentityManagement identity;

	@Autowired
	CustomerManagement customers;

	@Autowired
	Catalog catalog;

	@Autowired
	OrderFulfilment fulfilment;

	@Autowired
	Orders orders;

	@Test
	void anAgentCancelsTheCustomersOrderFromTheChatAndTheCustomerSeesWhoDidIt(Browser agentTab, Browser customerTab) {
		String group = RoutingFixtures.openGroup(agents);
		Queue sales = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 120);
		Agent agent = RoutingFixtures.agent(agents, group);
		CustomerId cora = customer("Cora Customer");
		Product router = OrderFixtures.product(catalog, "Router X1", 4900);
		Order wrong = OrderFixtures.place(fulfilment, cora.value(), router, 1, null);
		Order kept = OrderFixtures.place(fulfilment, cora.value(), router, 2, null);
		Order shipped = OrderFixtures.shipped(fulfilment, cora.value(), router);
		InteractionId id = connect(agent, cora, sales);

		agentTab.signIn(username(agent.id().value()), AccountFixtures.PASSWORD);
		agentTab.find(By.id("chat-" + id));
		String k = id + "-" + wrong.id();
		assertThat(agentTab.findAll(By.id("order-open-" + id + "-" + shipped.id()))).as("a shipped order cannot change")
			.isEmpty();
		agentTab.click(By.id("order-open-" + k)).type(By.id("order-reason-" + k), "Ordered by mistake, says Cora")
			.click(By.id("order-cancel-button-" + k));
		By status = By.cssSelector("#context-order-" + k + " .order-status");
		agentTab.waitFor(d -> d.findElement(status).getText().equals("Cancelled"));
		assertThat(agentTab.findAll(By.id("order-open-" + k))).isEmpty();
		assertThat(agentTab.text(By.id("desk-status"))).contains("Order " + wrong.number() + " is cancelled.");
		assertThat(orders.get(cora, wrong.id()).status()).isEqualTo(OrderStatus.CANCELLED);

		String j = id + "-" + kept.id();
		agentTab.click(By.id("order-open-" + j));
		agentTab.find(By.id("order-recipient-" + j)).clear();
		agentTab.find(By.id("order-postalCode-" + j)).clear();
		agentTab.type(By.id("order-postalCode-" + j), "!").find(By.id("order-city-" + j)).sendKeys(" Nord");
		((JavascriptExecutor) agentTab.driver()).executeScript( // past the browser's own check of required fields
				"document.getElementById(arguments[0]).noValidate = true", "order-address-" + j);
		agentTab.click(By.id("order-address-button-" + j));
		agentTab.waitFor(d -> !d.findElement(By.id("order-postalCode-" + j + "-error")).getText().isBlank());
		assertThat(agentTab.text(By.id("order-postalCode-" + j + "-error")))
			.contains("must be 2 to 20 letters, digits, spaces or hyphens");
		assertThat(agentTab.text(By.id("order-recipient-" + j + "-error"))).contains("must not be blank");
		assertThat(agentTab.find(By.id("order-postalCode-" + j)).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(agentTab.value(By.id("order-city-" + j))).isEqualTo("Berlin Nord");
		agentTab.waitFor(d -> ("order-recipient-" + j).equals(d.switchTo().activeElement().getDomAttribute("id")));
		assertThat(agentTab.text(By.id("desk-status"))).contains("correct the marked field");
		Order unchanged = orders.get(cora, kept.id());
		assertThat(unchanged.version()).isEqualTo(kept.version());
		assertThat(unchanged.address()).isEqualTo(kept.address());
		screenshots(agentTab, id, "workstation-order-forms");

		customerTab.signIn(username(cora.value()), AccountFixtures.PASSWORD);
		customerTab.open("/customer/orders/" + wrong.id());
		assertThat(customerTab.text(By.id("order-status"))).isEqualTo("Cancelled");
		assertThat(customerTab.text(By.id("order-timeline"))).contains(
				"Cancelled by agent " + agent.displayName() + " on your behalf.", "Ordered by mistake, says Cora");
		assertThat(customerTab.text(By.id("order-changes"))).contains("Agent " + agent.displayName(), "cancel",
				"CANCELLED");
		customerTab.screenshot("customer-order-cancelled-by-agent-1280");
		customerTab.windowSize(390, 844);
		((JavascriptExecutor) customerTab.driver()).executeScript("document.getElementById('order-changes').scrollIntoView()");
		customerTab.screenshot("customer-order-cancelled-by-agent-390");
	}

	@Test
	void theChatNotInViewCountsTheCustomersUnreadMessagesUntilTheAgentOpensIt(Browser agentTab) {
		String group = RoutingFixtures.openGroup(agents);
		Queue sales = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 120);
		Agent agent = RoutingFixtures.agent(agents, group);
		CustomerId cora = customer("Cora Customer");
		CustomerId dan = customer("Dan Doe");
		InteractionId first = connect(agent, cora, sales);
		InteractionId second = connect(agent, dan, sales);
		Participant danSide = Participant.customer(dan.value(), "Dan Doe");
		Participant agentSide = Participant.agent(agent.id().value(), agent.displayName());

		agentTab.windowSize(390, 844); // the chats stand one under the other: one in view, the other not
		agentTab.signIn(username(agent.id().value()), AccountFixtures.PASSWORD);
		agentTab.find(By.id("chat-" + second));
		((JavascriptExecutor) agentTab.driver()).executeScript(
				"document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", "chat-" + first);
		assertThat((Boolean) ((JavascriptExecutor) agentTab.driver()).executeScript(
				"return document.getElementById(arguments[0]).getBoundingClientRect().top > window.innerHeight",
				"messages-" + second)).as("the second chat's messages are below the screen").isTrue();
		By danLink = By.cssSelector("#chat-index a[data-chat='" + second + "']");
		By coraLink = By.cssSelector("#chat-index a[data-chat='" + first + "']");

		chat.post(danSide, second, "Are you there?", null);
		chat.post(danSide, second, "My order has not come", null);
		agentTab.waitFor(d -> d.findElement(By.id("messages-" + second)).getText().contains("My order has not come"));
		agentTab.waitFor(d -> d.findElements(By.cssSelector("#chat-index a[data-chat='" + second + "'] .unread-count"))
			.stream().anyMatch(e -> e.getText().equals("2")));
		assertThat(accessibleText(agentTab, danLink)).isEqualTo("Dan Doe, 2 unread");
		assertThat(agentTab.findAll(By.cssSelector("#chat-index a[data-chat='" + first + "'] .unread"))).isEmpty();
		assertThat(agentTab.text(By.id("chats-announce"))).contains("New message from Dan Doe: 2 unread");
		assertThat(chat.receipts(agentSide, second).agentRead()).isZero();
		((JavascriptExecutor) agentTab.driver()).executeScript("document.getElementById('chat-index').scrollIntoView()");
		agentTab.screenshot("workstation-unread-390");

		agentTab.click(danLink);
		agentTab.waitFor(d -> d.findElements(By.cssSelector("#chat-index a[data-chat='" + second + "'] .unread")).isEmpty());
		assertThat(accessibleText(agentTab, danLink)).isEqualTo("Dan Doe");
		assertThat(Eventually.value(() -> chat.receipts(agentSide, second).agentRead() == 2 ? true : null)).isTrue();

		chat.post(Participant.customer(cora.value(), "Cora Customer"), first, "Hello?", null);
		agentTab.waitFor(d -> d.findElements(By.cssSelector("#chat-index a[data-chat='" + first + "'] .unread-count"))
			.stream().anyMatch(e -> e.getText().equals("1")));
		assertThat(accessibleText(agentTab, coraLink)).isEqualTo("Cora Customer, 1 unread");
		String page = (String) ((JavascriptExecutor) agentTab.driver()).executeAsyncScript(
				"var done = arguments[arguments.length - 1]; fetch('/agent').then(r => r.text()).then(done);");
		assertThat(page).as("the page without its script shows the count too").contains(", 1 unread");
		((JavascriptExecutor) agentTab.driver()).executeScript("document.getElementById('chat-index').scrollIntoView()");
		agentTab.screenshot("workstation-unread-cleared-390");
	}

	/** The link's text as a screen reader reads it: the visually hidden part included, the figure for the eye not. */
	private static String accessibleText(Browser tab, By link) {
		return (String) ((JavascriptExecutor) tab.driver()).executeScript("""
				var a = arguments[0].cloneNode(true);
				a.querySelectorAll('[aria-hidden=true]').forEach(function (e) { e.remove(); });
				return a.textContent.replace(/\\s+/g, ' ').trim();""", tab.find(link));
	}

	private InteractionId connect(Agent agent, CustomerId customer, Queue queue) {
		states.change(agent.id(), "ready", null);
		InteractionId id = interactions.start(customer, new NewContact(Medium.CHAT, null, queue.key(), null))
			.interaction().id();
		var offer = Eventually.value(() -> desk.offers(agent.id()).stream()
			.filter(o -> o.interaction().id().equals(id)).findFirst().orElse(null));
		desk.accept(agent.id(), offer.offer().id());
		return id;
	}

	private CustomerId customer(String name) {
		String username = AccountFixtures.uniqueName("cust");
		return customers.register(new Registration(username, name, username + "@example.com", AccountFixtures.PASSWORD,
				"Europe/Berlin")).id();
	}

	private String username(java.util.UUID account) {
		return identity.find(new AccountId(account)).orElseThrow().username();
	}

	private static void screenshots(Browser tab, InteractionId id, String name) {
		((JavascriptExecutor) tab.driver()).executeScript("document.getElementById(arguments[0]).scrollIntoView()",
				"context-" + id);
		tab.screenshot(name + "-1280");
		tab.windowSize(390, 844);
		assertThat((Boolean) ((JavascriptExecutor) tab.driver())
			.executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth"))
			.as("no sideways scroll at 390 px").isFalse();
		((JavascriptExecutor) tab.driver()).executeScript(
				"document.querySelector('#context-' + arguments[0] + ' details[open]').scrollIntoView()", id.toString());
		((JavascriptExecutor) tab.driver()).executeAsyncScript( // painted at the new width before the picture
				"var done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(done));");
		tab.screenshot(name + "-390");
		tab.windowSize(1280, 900);
	}
}

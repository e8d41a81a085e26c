package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.catalog.Catalog;
import dev.parley.catalog.Product;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.Participant;
import dev.parley.chat.Sender;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.common.Outcome;
import dev.parley.customer.CustomerManagement;
import dev.parley.customer.Interest;
import dev.parley.customer.InterestLevel;
import dev.parley.customer.Interests;
import dev.parley.customer.Registration;
import dev.parley.history.Direction;
import dev.parley.history.InteractionHistory;
import dev.parley.history.NewInteraction;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.orders.OrderFixtures;
import dev.parley.orders.OrderFulfilment;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionId;
import dev.parley.routing.InteractionState;
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
 * The agent workstation in a real browser: offers arrive live, an agent works two chats at once beside the
 * customers' context, transfers one with a note the next agent reads, ends and wraps up the other; bad input
 * shows the field's message and changes nothing. Customers act through the modules' services.
 */
@BrowserTest
class WorkstationBrowserTests {

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
	InteractionHistory history;

	@Test
	void anAgentTakesTwoChatsLiveTransfersOneWithANoteAndWrapsUpTheOther(Browser agentTab, Browser nextAgentTab) {
		String group = RoutingFixtures.openGroup(agents);
		Queue sales = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 120);
		Queue care = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 120);
		Agent agent = RoutingFixtures.agent(agents, group);
		Agent next = RoutingFixtures.agent(agents, group);
		Product router = OrderFixtures.product(catalog, "Router X1", 4900);
		CustomerId cora = customer("Cora Customer");
		CustomerId dan = customer("Dan Doe");
		OrderFixtures.place(fulfilment, cora.value(), router, 1, null);
		history.record(new NewInteraction(cora, router.id(), next.id(), Medium.VOICE, Direction.INBOUND,
				Instant.parse("2026-03-02T10:00:00Z"), Instant.parse("2026-03-02T10:12:00Z"), Outcome.FOLLOW_UP,
				"Router drops Wi-Fi at night", null));
		var interests = customers.profile(cora).interests();
		customers.updateInterests(cora, new Interests(List.of(new Interest(router.categoryKey(), null, InterestLevel.HIGH),
				new Interest(null, "Mesh networks", InterestLevel.LOW)), false, null, interests.version()));

		agentTab.signIn(username(agent), AccountFixtures.PASSWORD);
		assertThat(agentTab.url()).endsWith("/agent");
		agentTab.select(By.id("state"), "ready").click(By.id("set-state"));
		agentTab.waitFor(d -> d.findElement(By.id("agent-now")).getText().contains("Ready"));

		var first = interactions.start(cora, new NewContact(Medium.CHAT, router.id(), sales.key(), "My router blinks"))
			.interaction();
		By firstOffer = By.cssSelector("#offers li.offer[data-interaction='" + first.id() + "']");
		agentTab.waitFor(d -> !d.findElements(firstOffer).isEmpty());
		assertThat(agentTab.text(firstOffer)).contains("Cora Customer", sales.name(), "Router X1", "My router blinks");
		agentTab.waitFor(d -> d.findElement(firstOffer).findElement(By.tagName("time")).getText().contains("s left"));
		assertThat(agentTab.text(By.id("offers-announce"))).contains("Cora Customer");
		agentTab.screenshot("workstation-offer-1280");
		agentTab.windowSize(375, 800);
		assertThat(agentTab.overflowRight(By.cssSelector("#offers-card, #offers li.offer, #offers button"))).isZero();
		((JavascriptExecutor) agentTab.driver()).executeScript("document.getElementById('offers-card').scrollIntoView()");
		agentTab.screenshot("workstation-offer-375");
		agentTab.windowSize(1280, 900);

		agentTab.click(By.cssSelector("#offers li.offer[data-interaction='" + first.id() + "'] button[id^=accept-]"));
		By firstPane = By.id("chat-" + first.id());
		agentTab.find(firstPane);
		agentTab.waitFor(d -> d.findElements(firstOffer).isEmpty());
		agentTab.waitFor(d -> ("body-" + first.id()).equals(d.switchTo().activeElement().getDomAttribute("id")));
		assertThat(agentTab.text(firstPane)).contains("Chat with Cora Customer", "Connected", "Router X1");
		assertThat(agentTab.text(By.cssSelector("#chat-" + first.id() + " .chat-context"))).contains("Recent orders",
				"Europe/Berlin");
		assertThat(agentTab.find(By.cssSelector("#chat-" + first.id() + " .context-orders")).getText())
			.contains("Placed");
		assertThat(agentTab.text(By.cssSelector("#chat-" + first.id() + " .context-history"))).contains("Router X1",
				"Voice", next.displayName(), "Follow-up", "Router drops Wi-Fi at night");
		assertThat(agentTab.text(By.cssSelector("#chat-" + first.id() + " .chat-context"))).contains("Mesh networks",
				"(very)");
		agentTab.waitFor(d -> d.findElement(By.id("agent-now")).getText().contains("Ready")
				|| d.findElement(By.id("agent-now")).getText().contains("Busy"));

		chat.post(Participant.customer(cora.value(), "Cora Customer"), first.id(), "Hello, my router blinks red", null);
		agentTab.waitFor(d -> d.findElement(By.id("messages-" + first.id())).getText()
			.contains("Hello, my router blinks red"));

		agentTab.type(By.id("body-" + first.id()), "Let us restart it together");
		agentTab.find(By.id("body-" + first.id())).sendKeys(Keys.ENTER);
		List<ChatMessage> stored = Eventually.value(() -> {
			var all = chat.messages(Participant.agent(agent.id().value(), agent.displayName()), first.id(), 0);
			return all.stream().anyMatch(m -> m.sender() == Sender.AGENT) ? all : null;
		});
		assertThat(stored).extracting(ChatMessage::body).containsExactly("Hello, my router blinks red",
				"Let us restart it together");
		agentTab.waitFor(d -> d.findElement(By.id("messages-" + first.id())).getText()
			.contains("Let us restart it together"));
		assertThat(agentTab.value(By.id("body-" + first.id()))).isEmpty();
		chat.read(Participant.customer(cora.value(), "Cora Customer"), first.id(), 2);
		agentTab.waitFor(d -> "read".equals(d.findElement(By.cssSelector("#messages-" + first.id()
				+ " li.from-agent .receipt")).getDomAttribute("data-receipt")));
		chat.typing(Participant.customer(cora.value(), "Cora Customer"), first.id());
		agentTab.waitFor(d -> d.findElement(By.id("typing-" + first.id())).getText().contains("Cora Customer is typing"));

		var second = interactions.start(dan, new NewContact(Medium.CHAT, null, sales.key(), "Where is my order?"))
			.interaction();
		By secondOffer = By.cssSelector("#offers li.offer[data-interaction='" + second.id() + "']");
		agentTab.waitFor(d -> !d.findElements(secondOffer).isEmpty());
		agentTab.click(By.cssSelector("#offers li.offer[data-interaction='" + second.id() + "'] button[id^=accept-]"));
		agentTab.find(By.id("chat-" + second.id()));
		assertThat(agentTab.findAll(By.cssSelector("#chats .chat"))).hasSize(2);
		assertThat(agentTab.findAll(By.cssSelector("#chat-index a"))).extracting(e -> e.getText())
			.containsExactly("Cora Customer", "Dan Doe");
		assertThat(agentTab.text(By.id("messages-" + first.id()))).contains("Let us restart it together");
		chat.post(Participant.customer(dan.value(), "Dan Doe"), second.id(), "Order PO-7 has not come", null);
		agentTab.waitFor(d -> d.findElement(By.id("messages-" + second.id())).getText().contains("PO-7"));
		screenshots(agentTab, "workstation-two-chats");

		nextAgentTab.signIn(username(next), AccountFixtures.PASSWORD);
		nextAgentTab.select(By.id("state"), "ready").click(By.id("set-state"));
		agentTab.click(By.id("transfer-open-" + second.id()));
		agentTab.select(By.id("target-" + second.id()), "queue:" + care.key())
			.type(By.id("note-" + second.id()), "Dan waits for PO-7; carrier says delivered")
			.click(By.id("transfer-button-" + second.id()));
		agentTab.waitFor(d -> d.findElements(By.id("chat-" + second.id())).isEmpty());
		assertThat(agentTab.text(By.id("desk-status"))).contains("transferred");
		assertThat(agentTab.findAll(By.cssSelector("#chats .chat"))).hasSize(1);

		By transferred = By.cssSelector("#offers li.offer[data-interaction='" + second.id() + "']");
		nextAgentTab.waitFor(d -> !d.findElements(transferred).isEmpty());
		assertThat(nextAgentTab.text(transferred)).contains("Dan Doe", care.name(), agent.displayName(),
				"Dan waits for PO-7; carrier says delivered");
		nextAgentTab.click(By.cssSelector("#offers li.offer[data-interaction='" + second.id() + "'] button[id^=accept-]"));
		nextAgentTab.find(By.id("chat-" + second.id()));
		assertThat(nextAgentTab.text(By.id("chat-" + second.id()))).contains("Note from " + agent.displayName(),
				"Dan waits for PO-7; carrier says delivered", "Order PO-7 has not come");
		Interaction moved = interactions.find(second.id()).orElseThrow();
		assertThat(moved.queue()).isEqualTo(care.key());
		assertThat(moved.agent()).isEqualTo(next.id());
		nextAgentTab.screenshot("workstation-transferred-note-1280");

		agentTab.click(By.id("end-button-" + first.id()));
		agentTab.waitFor(d -> "wrap-up".equals(d.findElement(By.id("chat-" + first.id())).getDomAttribute("data-state")));
		assertThat(agentTab.text(By.cssSelector("#chat-" + first.id() + " .wrapup-limit"))).startsWith("Wrap up by");
		assertThat(agentTab.findAll(By.id("compose-" + first.id()))).isEmpty();
		agentTab.waitFor(d -> d.findElement(By.id("agent-now")).getText().contains("Wrap-up"));
		agentTab.screenshot("workstation-wrap-up-1280");
		agentTab.select(By.id("disposition-" + first.id()), "RESOLVED")
			.type(By.id("summary-" + first.id()), "Restarted the router; it works")
			.click(By.id("wrapup-button-" + first.id()));
		agentTab.waitFor(d -> d.findElements(By.id("chat-" + first.id())).isEmpty());
		Interaction closed = interactions.find(first.id()).orElseThrow();
		assertThat(closed.state()).isEqualTo(InteractionState.CLOSED);
		assertThat(closed.disposition()).isEqualTo(Outcome.RESOLVED);
		assertThat(closed.summary()).isEqualTo("Restarted the router; it works");
		assertThat(agentTab.text(By.id("desk-status"))).contains("wrapped up");
		agentTab.waitFor(d -> d.findElement(By.id("agent-now")).getText().contains("Ready"));
	}

	@Test
	void badInputShowsTheFieldsMessageAndChangesNothing(Browser agentTab) {
		String group = RoutingFixtures.openGroup(agents);
		Queue sales = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 120);
		Agent agent = RoutingFixtures.agent(agents, group);
		CustomerId cora = customer("Cora Customer");
		states.change(agent.id(), "ready", null);
		InteractionId id = interactions.start(cora, new NewContact(Medium.CHAT, null, sales.key(), null)).interaction()
			.id();
		var offer = Eventually.value(() -> desk.offers(agent.id()).stream().findFirst().orElse(null));
		desk.accept(agent.id(), offer.offer().id());
		Interaction before = interactions.find(id).orElseThrow();

		agentTab.signIn(username(agent), AccountFixtures.PASSWORD);
		agentTab.find(By.id("chat-" + id));

		agentTab.click(By.id("wrapup-open-" + id)).type(By.id("summary-" + id), "Sorted")
			.click(By.id("wrapup-button-" + id));
		agentTab.waitFor(d -> !d.findElement(By.id("disposition-" + id + "-error")).getText().isBlank());
		assertThat(agentTab.text(By.id("disposition-" + id + "-error"))).contains("Choose the outcome");
		assertThat(agentTab.find(By.id("disposition-" + id)).getDomAttribute("aria-invalid")).isEqualTo("true");
		agentTab.waitFor(d -> ("disposition-" + id).equals(d.switchTo().activeElement().getDomAttribute("id")));
		assertThat(agentTab.value(By.id("summary-" + id))).isEqualTo("Sorted");

		agentTab.click(By.id("transfer-open-" + id));
		((JavascriptExecutor) agentTab.driver()).executeScript(
				"var s = document.getElementById(arguments[0]); s.options[s.options.length - 1].value = 'queue:no-such-queue';"
						+ " s.selectedIndex = s.options.length - 1;", "target-" + id);
		agentTab.type(By.id("note-" + id), "to nowhere").click(By.id("transfer-button-" + id));
		agentTab.waitFor(d -> !d.findElement(By.id("target-" + id + "-error")).getText().isBlank());
		assertThat(agentTab.text(By.id("target-" + id + "-error"))).contains("Choose a queue or an agent");
		assertThat(agentTab.value(By.id("note-" + id))).isEqualTo("to nowhere");

		Agent away = RoutingFixtures.agent(agents, group); // logged out: not taking chats
		((JavascriptExecutor) agentTab.driver()).executeScript(
				"var s = document.getElementById(arguments[0]); s.options[s.options.length - 1].value = arguments[1];"
						+ " s.selectedIndex = s.options.length - 1;", "target-" + id, "agent:" + away.id().value());
		agentTab.click(By.id("transfer-button-" + id));
		agentTab.waitFor(d -> d.findElement(By.id("target-" + id + "-error")).getText().contains("not taking chats"));

		agentTab.find(By.id("body-" + id)).sendKeys(Keys.ENTER);
		agentTab.waitFor(d -> !d.findElement(By.id("body-" + id + "-error")).getText().isBlank());
		assertThat(agentTab.text(By.id("body-" + id + "-error"))).contains("Write a message");
		((JavascriptExecutor) agentTab.driver()).executeScript("var t = document.getElementById(arguments[0]);"
				+ " t.removeAttribute('maxlength'); t.value = 'x'.repeat(4001);", "body-" + id);
		agentTab.click(By.id("send-" + id));
		agentTab.waitFor(d -> d.findElement(By.id("body-" + id + "-error")).getText().contains("at most 4000"));
		assertThat(agentTab.value(By.id("body-" + id))).hasSize(4001);
		agentTab.screenshot("workstation-field-errors-1280");

		((JavascriptExecutor) agentTab.driver()).executeScript(
				"document.getElementById(arguments[0]).removeAttribute('data-fragment')", "wrapup-" + id);
		agentTab.click(By.id("wrapup-button-" + id)); // without the page script: a plain POST, the page again
		assertThat(agentTab.text(By.id("desk-status"))).contains("correct the marked field");
		assertThat(agentTab.text(By.id("disposition-" + id + "-error"))).contains("Choose the outcome");
		assertThat(agentTab.value(By.id("summary-" + id))).isEqualTo("Sorted");

		Interaction after = interactions.find(id).orElseThrow();
		assertThat(after.state()).isEqualTo(InteractionState.CONNECTED);
		assertThat(after.queue()).isEqualTo(sales.key());
		assertThat(after.version()).isEqualTo(before.version());
		assertThat(after.transferNote()).isNull();
		assertThat(chat.messages(Participant.agent(agent.id().value(), agent.displayName()), id, 0)).isEmpty();
	}

	@Test
	void aReceiptThatArrivesLateNeverTakesTheMessageBack(Browser agentTab) {
		String group = RoutingFixtures.openGroup(agents);
		Queue sales = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 120);
		Agent agent = RoutingFixtures.agent(agents, group);
		CustomerId cora = customer("Cora Customer");
		states.change(agent.id(), "ready", null);
		InteractionId id = interactions.start(cora, new NewContact(Medium.CHAT, null, sales.key(), null)).interaction()
			.id();
		var offer = Eventually.value(() -> desk.offers(agent.id()).stream().findFirst().orElse(null));
		desk.accept(agent.id(), offer.offer().id());
		agentTab.catchLiveEvents().signIn(username(agent), AccountFixtures.PASSWORD);
		agentTab.find(By.id("chat-" + id));
		ChatMessage sent = chat.post(Participant.agent(agent.id().value(), agent.displayName()), id, "Try a restart", null);
		By receipt = By.cssSelector("#chat-" + id + " li.from-agent .receipt");
		agentTab.waitFor(d -> !d.findElements(receipt).isEmpty());
		Participant customer = Participant.customer(cora.value(), "Cora Customer");

		// two receipts on their way at once, the older one delayed: "delivered" reaches the page after "read"
		agentTab.holdLiveEvents("receipts", true);
		chat.delivered(customer, id, sent.seq());
		agentTab.waitFor(d -> agentTab.heldLiveEvents().stream().anyMatch(e -> e.contains("\"customerDelivered\":" + sent.seq())));
		agentTab.holdLiveEvents("receipts", false);
		chat.read(customer, id, sent.seq());
		agentTab.waitFor(d -> "read".equals(d.findElement(receipt).getDomAttribute("data-receipt")));
		agentTab.releaseLiveEvents();
		assertThat(agentTab.find(receipt).getDomAttribute("data-receipt")).as("the late receipt is older than the shown one")
			.isEqualTo("read");
		assertThat(agentTab.text(receipt)).isEqualTo("Read");
	}

	private CustomerId customer(String name) {
		String username = AccountFixtures.uniqueName("cust");
		return customers.register(new Registration(username, name, username + "@example.com", AccountFixtures.PASSWORD,
				"Europe/Berlin")).id();
	}

	private String username(Agent agent) {
		return identity.find(new AccountId(agent.id().value())).orElseThrow().username();
	}

	private static void screenshots(Browser tab, String name) {
		tab.screenshot(name + "-1280");
		((JavascriptExecutor) tab.driver()).executeScript("document.getElementById('chat-index').scrollIntoView()");
		tab.screenshot(name + "-1280-chats");
		tab.windowSize(375, 800);
		assertThat(tab.overflowRight(By.cssSelector("#desk, #desk .chat, #desk .messages, #desk .chat-context, #offers-card")))
			.as("nothing reaches past the right edge at 375 px").isZero();
		assertThat((Boolean) ((JavascriptExecutor) tab.driver())
			.executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth"))
			.as("no sideways scroll at 375 px").isFalse();
		tab.screenshot(name + "-375");
		((JavascriptExecutor) tab.driver()).executeScript("document.querySelector('#chats .chat').scrollIntoView()");
		tab.screenshot(name + "-375-chat");
		tab.windowSize(1280, 900);
	}
}

package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
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
import dev.parley.customer.Registration;
import dev.parley.history.HistoryFilter;
import dev.parley.history.InteractionHistory;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.orders.OrderFixtures;
import dev.parley.orders.OrderFulfilment;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionId;
import dev.parley.routing.InteractionState;
import dev.parley.routing.Interactions;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueDefinition;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;
import dev.parley.testing.Eventually;

/**
 * A customer chats from the portal in one browser while an agent works the workstation in another: the chat starts
 * from the home's Contact us card in the queue of the chosen product, waits with its place in line, is taken by the
 * agent, carries messages both ways with typing and receipts, survives a reload with every message once, and ends up
 * in the customer's history under its product and agent. Bad input shows the field's message and starts or stores
 * nothing.
 */
@BrowserTest
class PortalChatBrowserTests {

	@Autowired
	AgentManagement agents;

	@Autowired
	QueueManagement queues;

	@Autowired
	AgentStates states;

	@Autowired
	Interactions interactions;

	@Autowired
	Chat chat;

	@Autowired
	AgentDesk desk;

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
	void aCustomerChatsFromThePortalWithTheAgentWhoTakesItAndFindsItInTheirHistory(Browser customerTab,
			Browser agentTab) {
		String group = RoutingFixtures.openGroup(agents);
		Product router = OrderFixtures.product(catalog, "Router " + UUID.randomUUID().toString().substring(0, 4), 4900);
		Queue routers = queue(group, Set.of(Medium.CHAT), Set.of(router.categoryKey()));
		Agent agent = RoutingFixtures.agent(agents, group);
		var cora = customer("Cora Customer");
		OrderFixtures.place(fulfilment, cora.id().value(), router, 1, null);

		customerTab.signIn(cora.username(), AccountFixtures.PASSWORD);
		assertThat(customerTab.text(By.id("contact"))).contains("Contact us", "Chat now", "Voice",
				"not available from the portal yet");
		assertThat(customerTab.find(By.id("contact-medium-chat")).isSelected()).isTrue();
		assertThat(customerTab.find(By.id("contact-medium-video")).isEnabled()).isFalse();
		customerTab.select(By.id("contact-product"), router.id().value().toString());
		assertThat(customerTab.value(By.id("contact-queue"))).as("the team follows the product")
			.isEqualTo(routers.key());
		var ahead = customer("Ada Ahead");
		var aheadId = new CustomerId(ahead.id().value());
		InteractionId aheads = interactions.start(aheadId, new dev.parley.routing.NewContact(Medium.CHAT, null,
				routers.key(), null)).interaction().id();
		customerTab.type(By.id("contact-topic"), "My router <i>blinks</i>");
		screenshots(customerTab, "portal-home-contact", By.id("contact"));
		customerTab.click(By.id("contact-start"));

		assertThat(customerTab.url()).contains("/customer/contact/");
		InteractionId id = InteractionId.parse(customerTab.url().replaceAll(".*/customer/contact/([^/?#]+).*", "$1"));
		Interaction started = interactions.find(id).orElseThrow();
		assertThat(started.queue()).isEqualTo(routers.key());
		assertThat(started.product()).isEqualTo(router.id());
		assertThat(started.topic()).isEqualTo("My router <i>blinks</i>");
		assertThat(customerTab.text(By.id("chat-head"))).contains(routers.name(), router.name(), "My router <i>blinks</i>");
		assertThat(customerTab.text(By.id("chat-position"))).contains("You are number 2 in line");
		assertThat(customerTab.text(By.id("chat-wait"))).contains("Nobody is taking chats");
		interactions.leave(aheadId, aheads);
		customerTab.waitFor(d -> d.findElement(By.id("chat-position")).getText().contains("You are number 1 in line"));

		customerTab.type(By.id("body"), "Hello <b>there</b>");
		customerTab.find(By.id("body")).sendKeys(Keys.ENTER);
		customerTab.waitFor(d -> d.findElements(By.cssSelector("#messages li.message")).size() == 1);
		WebElement first = customerTab.find(By.cssSelector("#messages li.message .body"));
		assertThat(first.getText()).as("markup shows as text").isEqualTo("Hello <b>there</b>");
		assertThat(first.findElements(By.tagName("b"))).isEmpty();
		assertThat(customerTab.value(By.id("body"))).isEmpty();
		screenshots(customerTab, "portal-chat-queued", By.id("contact-chat"));

		agentTab.signIn(username(agent), AccountFixtures.PASSWORD);
		agentTab.select(By.id("state"), "ready").click(By.id("set-state"));
		By offer = By.cssSelector("#offers li.offer[data-interaction='" + id + "']");
		agentTab.waitFor(d -> !d.findElements(offer).isEmpty());
		assertThat(agentTab.text(offer)).contains("Cora Customer", routers.name(), router.name());
		agentTab.click(By.cssSelector("#offers li.offer[data-interaction='" + id + "'] button[id^=accept-]"));
		agentTab.find(By.id("chat-" + id));

		customerTab.waitFor(d -> d.findElement(By.id("chat-title")).getText()
			.equals("Chat with " + agent.displayName()));
		assertThat(customerTab.text(By.id("chat-state"))).contains(agent.displayName() + " is chatting with you");
		assertThat(customerTab.driver().getTitle()).isEqualTo("Chat with " + agent.displayName());
		agentTab.waitFor(d -> d.findElement(By.id("messages-" + id)).getText().contains("Hello <b>there</b>"));
		customerTab.waitFor(d -> "read".equals(receipt(d.findElement(By.cssSelector("#messages li.from-customer")))));

		agentTab.type(By.id("body-" + id), "Let us restart it <img src=x onerror=\"window.pwned=1\">");
		customerTab.waitFor(d -> d.findElement(By.id("typing")).getText().equals(agent.displayName() + " is typing…"));
		agentTab.find(By.id("body-" + id)).sendKeys(Keys.ENTER);
		By agentMessage = By.cssSelector("#messages li.from-agent");
		customerTab.waitFor(d -> !d.findElements(agentMessage).isEmpty());
		assertThat(customerTab.find(agentMessage).findElement(By.className("who")).getText())
			.isEqualTo(agent.displayName());
		assertThat(customerTab.find(agentMessage).findElement(By.className("body")).getText())
			.isEqualTo("Let us restart it <img src=x onerror=\"window.pwned=1\">");
		assertThat(customerTab.find(agentMessage).findElements(By.tagName("img"))).isEmpty();
		assertThat(((JavascriptExecutor) customerTab.driver()).executeScript("return window.pwned === undefined"))
			.isEqualTo(true);
		customerTab.waitFor(d -> d.findElement(By.id("typing")).getText().isEmpty());
		agentTab.waitFor(d -> "read".equals(receipt(d.findElement(By.cssSelector("#messages-" + id + " li.from-agent")))));

		customerTab.type(By.id("body"), "It blinks red");
		agentTab.waitFor(d -> d.findElement(By.id("typing-" + id)).getText().contains("Cora Customer is typing"));
		customerTab.find(By.id("body")).sendKeys(Keys.ENTER);
		customerTab.waitFor(d -> d.findElements(By.cssSelector("#messages li.message")).size() == 3);
		screenshots(customerTab, "portal-chat-connected", By.id("contact-chat"));

		customerTab.reload();
		assertThat(messages(customerTab)).as("after a reload every message once, in order")
			.containsExactly("Hello <b>there</b>", "Let us restart it <img src=x onerror=\"window.pwned=1\">",
					"It blinks red");
		chat.post(Participant.agent(agent.id().value(), agent.displayName()), id, "Now hold the reset button", null);
		customerTab.waitFor(d -> d.findElements(By.cssSelector("#messages li.message")).size() == 4);
		Eventually.value(() -> chat.receipts(Participant.customer(cora.id().value(), "Cora"), id).customerDelivered() >= 4
				? true : null);
		assertThat(messages(customerTab)).containsExactly("Hello <b>there</b>",
				"Let us restart it <img src=x onerror=\"window.pwned=1\">", "It blinks red", "Now hold the reset button");
		assertThat(customerTab.findAll(By.cssSelector("#messages li.message"))).extracting(e -> e.getDomAttribute("data-seq"))
			.containsExactly("1", "2", "3", "4");

		String transcript = (String) ((JavascriptExecutor) customerTab.driver()).executeAsyncScript(
				"var done = arguments[0]; fetch(document.getElementById('transcript').href, {credentials: 'same-origin'})"
						+ ".then(function (r) { return r.text(); }).then(done);");
		assertThat(transcript).contains("Cora Customer: Hello <b>there</b>", agent.displayName() + ": Now hold the reset button");

		agentTab.click(By.id("end-button-" + id));
		customerTab.waitFor(d -> d.findElement(By.id("chat-state")).getText().contains("The chat has ended"));
		assertThat(customerTab.findAll(By.id("compose"))).as("no more messages once it ended").isEmpty();
		agentTab.waitFor(d -> "wrap-up".equals(d.findElement(By.id("chat-" + id)).getDomAttribute("data-state")));
		agentTab.select(By.id("disposition-" + id), "RESOLVED").type(By.id("summary-" + id), "Reset the router")
			.click(By.id("wrapup-button-" + id));
		customerTab.waitFor(d -> !d.findElements(By.id("chat-history")).isEmpty());
		assertThat(customerTab.text(By.id("chat-state"))).contains("The chat is over");
		screenshots(customerTab, "portal-chat-closed", By.id("contact-chat"));

		customerTab.click(By.id("chat-history"));
		assertThat(customerTab.url()).endsWith("/customer/history/" + id);
		assertThat(customerTab.pageText()).contains(router.name(), agent.displayName(), "Reset the router",
				"Now hold the reset button");
		customerTab.open("/customer/history");
		WebElement productGroup = customerTab.findAll(By.cssSelector(".history-product")).stream()
			.filter(g -> g.findElement(By.tagName("h2")).getText().contains(router.name())).findFirst().orElseThrow();
		WebElement agentGroup = productGroup.findElements(By.cssSelector(".history-agent")).stream()
			.filter(g -> g.findElement(By.tagName("h3")).getText().contains(agent.displayName())).findFirst()
			.orElseThrow();
		assertThat(agentGroup.findElements(By.cssSelector("tr.history-row[data-id='" + id + "']"))).hasSize(1);
		var record = history.history(new CustomerId(cora.id().value()), HistoryFilter.none(), 0, 10).items().get(0).record();
		assertThat(record.productId()).isEqualTo(router.id());
		assertThat(record.agentId()).isEqualTo(agent.id());
		assertThat(record.outcome()).isEqualTo(Outcome.RESOLVED);
	}

	@Test
	void badInputGivesTheFieldsMessageAndStartsOrStoresNothing(Browser customerTab) {
		String group = RoutingFixtures.openGroup(agents);
		Queue open = queue(group, Set.of(Medium.CHAT), Set.of());
		Queue goingAway = queue(group, Set.of(Medium.CHAT), Set.of());
		Queue chatStops = queue(group, Set.of(Medium.CHAT), Set.of());
		Queue closed = queue(RoutingFixtures.closedGroup(agents), Set.of(Medium.CHAT), Set.of());
		var dan = customer("Dan Doe");
		CustomerId danId = new CustomerId(dan.id().value());
		customerTab.signIn(dan.username(), AccountFixtures.PASSWORD);

		customerTab.select(By.id("contact-queue"), goingAway.key()).type(By.id("contact-topic"), "Where is my order?");
		queues.delete(goingAway.key(), goingAway.version(), null);
		customerTab.click(By.id("contact-start"));
		assertRefused(customerTab, "contact-queue", "This team does not exist (any more); choose another.");
		assertThat(customerTab.value(By.id("contact-topic"))).isEqualTo("Where is my order?");

		customerTab.select(By.id("contact-queue"), chatStops.key());
		queues.update(chatStops.key(), new QueueDefinition(chatStops.name(), null, group, Set.of(Medium.EMAIL), Set.of(),
				List.of(), RoutingStrategy.LONGEST_IDLE, 0, 60, 3, 60, 20, false), chatStops.version(), null);
		customerTab.click(By.id("contact-start"));
		assertRefused(customerTab, "contact-queue", chatStops.name() + " does not take chats; choose another team.");

		assertThat(customerTab.text(By.cssSelector("#contact-queue option[value='" + closed.key() + "']")))
			.contains(closed.name(), "closed now");
		customerTab.select(By.id("contact-queue"), closed.key()).click(By.id("contact-start"));
		assertRefused(customerTab, "contact-queue", closed.name() + " is closed now; choose another team.");
		customerTab.screenshot("portal-home-refused-1280");

		((JavascriptExecutor) customerTab.driver()).executeScript("var v = document.getElementById('contact-medium-voice');"
				+ " v.disabled = false; v.checked = true;");
		customerTab.select(By.id("contact-queue"), open.key()).click(By.id("contact-start"));
		assertRefused(customerTab, "contact-medium", "Voice is not available from the portal yet; choose chat.");

		((JavascriptExecutor) customerTab.driver()).executeScript(
				"document.getElementById('contact-topic').removeAttribute('maxlength')");
		customerTab.select(By.id("contact-queue"), open.key()).type(By.id("contact-topic"), "x".repeat(201))
			.click(By.id("contact-start"));
		assertRefused(customerTab, "contact-topic", "Write the topic in at most 200 characters.");
		assertThat(customerTab.value(By.id("contact-topic"))).hasSize(201);
		assertThat(interactions.mine(danId)).as("nothing was started").isEmpty();

		Agent full = RoutingFixtures.agent(agents, group); // takes three chats at once, and has three
		states.change(full.id(), "ready", null);
		for (int i = 0; i < 3; i++) {
			var other = new CustomerId(customer("Other " + i).id().value());
			var theirs = interactions.start(other, new dev.parley.routing.NewContact(Medium.CHAT, null, open.key(), null))
				.interaction().id();
			var offer = Eventually.value(() -> desk.offers(full.id()).stream()
				.filter(o -> o.interaction().id().equals(theirs)).findFirst().orElse(null));
			desk.accept(full.id(), offer.offer().id());
		}
		customerTab.type(By.id("contact-topic"), "Parcel").select(By.id("contact-queue"), open.key())
			.click(By.id("contact-start"));
		InteractionId id = InteractionId.parse(customerTab.url().replaceAll(".*/customer/contact/([^/?#]+).*", "$1"));
		assertThat(interactions.find(id).orElseThrow().queue()).isEqualTo(open.key());
		assertThat(customerTab.text(By.id("chat-position"))).contains("You are number 1 in line");
		assertThat(customerTab.text(By.id("chat-wait"))).as("an agent serves the team, busy: an estimate")
			.matches("Estimated wait: (under a minute|\\d+–\\d+ min)\\.");
		states.change(full.id(), "logged-out", null);

		((JavascriptExecutor) customerTab.driver()).executeScript(
				"var t = document.getElementById('body'); t.removeAttribute('maxlength'); t.value = 'x'.repeat(4001);");
		customerTab.click(By.id("send"));
		customerTab.waitFor(d -> d.findElement(By.id("body-error")).getText()
			.equals("A message holds at most 4000 characters."));
		assertThat(customerTab.find(By.id("body")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(customerTab.value(By.id("body"))).hasSize(4001);
		customerTab.find(By.id("body")).clear();
		customerTab.find(By.id("body")).sendKeys(Keys.ENTER);
		customerTab.waitFor(d -> d.findElement(By.id("body-error")).getText().equals("Write a message before sending."));
		assertThat(chat.messages(Participant.customer(dan.id().value(), "Dan"), id, 0)).as("nothing was stored")
			.isEmpty();

		((JavascriptExecutor) customerTab.driver()).executeScript(
				"document.getElementById('compose').removeAttribute('data-fragment')");
		customerTab.type(By.id("body"), "Sent without the page script").click(By.id("send"));
		assertThat(messages(customerTab)).containsExactly("Sent without the page script");
		List<ChatMessage> stored = chat.messages(Participant.customer(dan.id().value(), "Dan"), id, 0);
		assertThat(stored).extracting(ChatMessage::sender).containsExactly(Sender.CUSTOMER);

		customerTab.click(By.id("leave"));
		assertThat(customerTab.text(By.id("chat-state"))).contains("You left before an agent took the chat");
		assertThat(interactions.find(id).orElseThrow().state()).isEqualTo(InteractionState.ABANDONED);
		assertThat(customerTab.findAll(By.id("compose"))).isEmpty();
	}

	@Test
	void aReceiptThatArrivesLateNeverTakesTheCustomersMessageBack(Browser customerTab) {
		String group = RoutingFixtures.openGroup(agents);
		Queue team = queue(group, Set.of(Medium.CHAT), Set.of());
		Agent agent = RoutingFixtures.agent(agents, group);
		var cora = customer("Cora Customer");
		states.change(agent.id(), "ready", null);
		InteractionId id = interactions.start(new CustomerId(cora.id().value()), new dev.parley.routing.NewContact(
				Medium.CHAT, null, team.key(), null)).interaction().id();
		var offer = Eventually.value(() -> desk.offers(agent.id()).stream().findFirst().orElse(null));
		desk.accept(agent.id(), offer.offer().id());
		customerTab.catchLiveEvents().signIn(cora.username(), AccountFixtures.PASSWORD).open("/customer/contact/" + id);
		ChatMessage sent = chat.post(Participant.customer(cora.id().value(), "Cora Customer"), id, "It blinks", null);
		By receipt = By.cssSelector("#messages li.from-customer .receipt");
		customerTab.waitFor(d -> !d.findElements(receipt).isEmpty());
		Participant theAgent = Participant.agent(agent.id().value(), agent.displayName());

		// two receipts on their way at once, the older one delayed: "delivered" reaches the page after "read"
		customerTab.holdLiveEvents("receipts", true);
		chat.delivered(theAgent, id, sent.seq());
		customerTab.waitFor(d -> customerTab.heldLiveEvents().stream()
			.anyMatch(e -> e.contains("\"agentDelivered\":" + sent.seq())));
		customerTab.holdLiveEvents("receipts", false);
		chat.read(theAgent, id, sent.seq());
		customerTab.waitFor(d -> "read".equals(d.findElement(receipt).getDomAttribute("data-receipt")));
		customerTab.releaseLiveEvents();
		assertThat(customerTab.find(receipt).getDomAttribute("data-receipt"))
			.as("the late receipt is older than the shown one").isEqualTo("read");
		assertThat(customerTab.text(receipt)).isEqualTo("Read");
	}

	private static void assertRefused(Browser tab, String field, String message) {
		assertThat(tab.url()).endsWith("/customer/contact");
		assertThat(tab.text(By.id("contact-alert"))).contains("Your chat was not started", message);
		tab.waitFor(d -> "contact-alert".equals(d.switchTo().activeElement().getDomAttribute("id")));
		assertThat(tab.text(By.id(field + "-error"))).isEqualTo(message);
		if (!field.equals("contact-medium")) {
			assertThat(tab.find(By.id(field)).getDomAttribute("aria-invalid")).isEqualTo("true");
		}
	}

	private Queue queue(String group, Set<Medium> media, Set<String> categories) {
		String key = "q" + UUID.randomUUID().toString().substring(0, 8);
		return queues.create(key, new QueueDefinition("Team " + key, null, group, media, categories, List.of(),
				RoutingStrategy.LONGEST_IDLE, 0, 60, 3, 60, 20, false), null);
	}

	private dev.parley.identity.Account customer(String name) {
		String username = AccountFixtures.uniqueName("cust");
		var profile = customers.register(new Registration(username, name, username + "@example.com",
				AccountFixtures.PASSWORD, "Europe/Berlin"));
		return identity.find(new AccountId(profile.id().value())).orElseThrow();
	}

	private String username(Agent agent) {
		return identity.find(new AccountId(agent.id().value())).orElseThrow().username();
	}

	private static String receipt(WebElement message) {
		return message.findElement(By.className("receipt")).getDomAttribute("data-receipt");
	}

	private static List<String> messages(Browser tab) {
		tab.find(By.id("messages"));
		return tab.findAll(By.cssSelector("#messages li.message .body")).stream().map(WebElement::getText).toList();
	}

	/** Desktop and phone width; at 390 px nothing reaches past the right edge and the page does not scroll sideways. */
	private static void screenshots(Browser tab, String name, By part) {
		tab.screenshot(name + "-1280");
		tab.windowSize(390, 844);
		assertThat(tab.overflowRight(part)).as("nothing reaches past the right edge at 390 px").isZero();
		assertThat((Boolean) ((JavascriptExecutor) tab.driver())
			.executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth"))
			.as("no sideways scroll at 390 px").isFalse();
		((JavascriptExecutor) tab.driver()).executeScript("arguments[0].scrollIntoView()", tab.find(part));
		tab.screenshot(name + "-390");
		tab.windowSize(1280, 900);
	}
}

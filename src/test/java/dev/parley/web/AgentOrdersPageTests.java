package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.catalog.Catalog;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.common.Outcome;
import dev.parley.customer.CustomerManagement;
import dev.parley.customer.Registration;
import dev.parley.identity.AccountId;
import dev.parley.identity.AuditEntry;
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
import dev.parley.testing.Eventually;
import dev.parley.testing.PageSession;
import dev.parley.testing.PageSession.Page;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * An agent changes a customer's order from the workstation over real HTTP on a whole Parley (H2, then
 * PostgreSQL): only while handling that customer's chat (anything else is 404, like an unknown order), with the
 * CSRF token, audited with the agent as the actor and the customer as the subject; bad input and a stale version
 * change nothing.
 */
@ParleyIntegrationTest
class AgentOrdersPageTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	AgentManagement agents;

	@Autowired
	AgentStates states;

	@Autowired
	QueueManagement queues;

	@Autowired
	CustomerManagement customers;

	@Autowired
	Interactions interactions;

	@Autowired
	AgentDesk desk;

	@Autowired
	Catalog catalog;

	@Autowired
	OrderFulfilment fulfilment;

	@Autowired
	Orders orders;

	Agent ana;
	Agent ben;
	CustomerId cora;
	CustomerId dan;
	InteractionId coraChat;
	InteractionId danChat;
	Order order;

	@BeforeEach
	void setUp() {
		String anaGroup = RoutingFixtures.openGroup(agents);
		String benGroup = RoutingFixtures.openGroup(agents);
		Queue anaQueue = RoutingFixtures.queue(queues, anaGroup, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 120);
		Queue benQueue = RoutingFixtures.queue(queues, benGroup, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 120);
		ana = RoutingFixtures.agent(agents, anaGroup);
		ben = RoutingFixtures.agent(agents, benGroup);
		cora = customer("Cora Customer");
		dan = customer("Dan Doe");
		order = OrderFixtures.place(fulfilment, cora.value(), OrderFixtures.product(catalog, "Router X1", 4900), 1, null);
		coraChat = connect(ana, cora, anaQueue);
		danChat = connect(ben, dan, benQueue);
	}

	@Test
	void theAgentHandlingTheChatCancelsForTheCustomerAndIsTheActorOfTheAuditEntry() {
		PageSession page = signIn(ana);

		Page answer = page.post(cancel(coraChat, order), "reason", "Ordered the wrong colour", "version",
				String.valueOf(order.version()));

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/agent#chat-" + coraChat);
		Order now = orders.get(cora, order.id());
		assertThat(now.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(now.timeline().get(now.timeline().size() - 1).reason()).isEqualTo("Ordered the wrong colour");
		var entries = changesSincePlaced(cora, order);
		assertThat(entries).extracting(AuditEntry::field).containsExactlyInAnyOrder("status", "reason");
		assertThat(entries).allSatisfy(e -> {
			assertThat(e.actorId()).isEqualTo(new AccountId(ana.id().value()));
			assertThat(e.subjectId()).isEqualTo(cora.value());
		});
		assertThat(page.follow(answer).body()).contains("Order " + order.number() + " is cancelled.");

		Page customerPage = signInCustomer(cora).get("/customer/orders/" + order.id());
		assertThat(customerPage.body()).contains("Cancelled by agent " + ana.displayName() + " on your behalf.",
				"Agent " + ana.displayName());
	}

	@Test
	void theAgentChangesTheDeliveryAddressWithTheCustomersRules() {
		Page answer = signIn(ana).post(address(coraChat, order), "version", String.valueOf(order.version()),
				"recipient", "Cora Customer", "line1", "Harbour Road 9", "postalCode", "20095", "city", "Hamburg",
				"country", "de");
		assertThat(answer.status()).isEqualTo(302);
		Order now = orders.get(cora, order.id());
		assertThat(now.address().city()).isEqualTo("Hamburg");
		assertThat(now.address().country()).isEqualTo("DE");
		assertThat(changesSincePlaced(cora, order)).extracting(e -> e.actorId().value()).containsOnly(ana.id().value());
	}

	@Test
	void anAgentNotHandlingTheCustomerGetsNotFoundAndNothingChanges() {
		PageSession benPage = signIn(ben);
		String version = String.valueOf(order.version());

		assertThat(benPage.post(cancel(coraChat, order), "version", version).status()).as("another agent's chat")
			.isEqualTo(404);
		assertThat(benPage.post(cancel(danChat, order), "version", version).status())
			.as("his own chat, another customer's order").isEqualTo(404);
		assertThat(benPage.post(address(danChat, order), "version", version, "recipient", "X", "line1", "Y",
				"postalCode", "12345", "city", "Z", "country", "DE").status()).isEqualTo(404);
		assertThat(signIn(ana).post("/agent/chats/" + coraChat + "/orders/not-an-order/cancel", "version", version)
			.status()).as("an unknown order").isEqualTo(404);

		desk.end(ana.id(), coraChat);
		desk.wrapUp(ana.id(), coraChat, Outcome.RESOLVED, "Done");
		assertThat(signIn(ana).post(cancel(coraChat, order), "version", version).status())
			.as("a chat that is over").isEqualTo(404);

		Order now = orders.get(cora, order.id());
		assertThat(now.status()).isEqualTo(OrderStatus.PLACED);
		assertThat(now.version()).isEqualTo(order.version());
		assertThat(changesSincePlaced(cora, order)).isEmpty();
	}

	@Test
	void withoutTheCsrfTokenOrWithAStaleVersionOrABadAddressNothingChanges() {
		PageSession page = signIn(ana);

		assertThat(page.postWithout(cancel(coraChat, order), "version", String.valueOf(order.version())).status())
			.isEqualTo(403);

		Order moved = orders.changeAddress(cora, order.id(),
				new dev.parley.orders.DeliveryAddress("Cora", "Elm Street 2", null, "10115", "Berlin", null, "DE"),
				order.version());
		Page stale = page.post(cancel(coraChat, order), "reason", "late", "version", String.valueOf(order.version()));
		assertThat(stale.status()).isEqualTo(302);
		assertThat(page.follow(stale).body()).contains("Someone else changed this in the meantime");

		Page bad = page.post(address(coraChat, order), "version", String.valueOf(moved.version()), "recipient", "",
				"line1", "Elm Street 3", "postalCode", "!", "city", "Berlin", "country", "XX");
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("Please correct the marked field", "must not be blank",
				"must be 2 to 20 letters, digits, spaces or hyphens", "must be an ISO 3166-1 alpha-2 country code",
				"value=\"Elm Street 3\"");

		Order now = orders.get(cora, order.id());
		assertThat(now.status()).isEqualTo(OrderStatus.PLACED);
		assertThat(now.version()).isEqualTo(moved.version());
		assertThat(now.address().line1()).isEqualTo("Elm Street 2");
		assertThat(changesSincePlaced(cora, order)).extracting(e -> e.actorId().value()).containsOnly(cora.value());
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

	private static String cancel(InteractionId chat, Order order) {
		return "/agent/chats/" + chat + "/orders/" + order.id() + "/cancel";
	}

	private static String address(InteractionId chat, Order order) {
		return "/agent/chats/" + chat + "/orders/" + order.id() + "/delivery-address";
	}

	private PageSession signIn(Agent agent) {
		return PageSession.signedIn(port, identity.find(new AccountId(agent.id().value())).orElseThrow().username());
	}

	private PageSession signInCustomer(CustomerId customer) {
		return PageSession.signedIn(port, identity.find(new AccountId(customer.value())).orElseThrow().username());
	}

	private CustomerId customer(String name) {
		String username = AccountFixtures.uniqueName("cust");
		return customers.register(new Registration(username, name, username + "@example.com", AccountFixtures.PASSWORD,
				"Europe/Berlin")).id();
	}

	/** The order's audit entries after the one of its placing (made by the system). */
	private List<AuditEntry> changesSincePlaced(CustomerId customer, Order order) {
		return orders.changes(customer, order.id()).stream().filter(e -> !"place".equals(e.action())).toList();
	}
}

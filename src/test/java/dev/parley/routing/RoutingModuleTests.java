package dev.parley.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.catalog.Catalog;
import dev.parley.catalog.Product;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.common.RefusedException;
import dev.parley.customer.CustomerManagement;
import dev.parley.customer.Interest;
import dev.parley.customer.InterestLevel;
import dev.parley.customer.Interests;
import dev.parley.customer.Registration;
import dev.parley.orders.OrderFixtures;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Eventually;

/**
 * The routing module with its direct dependencies: a contact started without a queue goes where the rule says
 * (the product's team, else the interests', else the default; open ones first) and is announced there; with none
 * open it is refused naming the first by the rule, and nothing is stored. A customer who leaves a connected chat
 * ends it for the agent to wrap up.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class RoutingModuleTests {

	@Autowired
	Interactions interactions;

	@Autowired
	QueueManagement queues;

	@Autowired
	AgentManagement agents;

	@Autowired
	AgentStates states;

	@Autowired
	AgentDesk desk;

	@Autowired
	CustomerManagement customers;

	@Autowired
	Catalog catalog;

	@Test
	void aContactWithoutAChosenQueueGoesToTheFirstOpenQueueByProductInterestsAndDefault(Scenario scenario) {
		String open = RoutingFixtures.openGroup(agents);
		String closed = RoutingFixtures.closedGroup(agents);
		Product phone = OrderFixtures.product(catalog, "Phone", 100);
		Product speaker = OrderFixtures.product(catalog, "Speaker", 100);
		Product kettle = OrderFixtures.product(catalog, "Kettle", 100);
		Queue phones = queue(closed, Set.of(phone.categoryKey()), false);
		Queue speakers = queue(open, Set.of(speaker.categoryKey()), false);
		Queue fallback = queue(open, Set.of(), true);
		CustomerId withInterest = customer(List.of(new Interest(speaker.categoryKey(), null, InterestLevel.HIGH)));
		CustomerId without = customer(List.of());

		assertThat(interactions.suggest(withInterest, phone, Medium.CHAT)).as("the phones team is closed: interests")
			.contains(speakers);
		assertThat(interactions.suggest(without, phone, Medium.CHAT)).as("no interests: the default").contains(fallback);
		assertThat(interactions.suggest(without, speaker, Medium.CHAT)).contains(speakers);
		assertThat(interactions.suggest(without, kettle, Medium.CHAT)).as("no team for kettles").contains(fallback);

		scenario.stimulate(() -> interactions.start(withInterest, new NewContact(Medium.CHAT, phone.id(), null, "Hi")))
			.andWaitForEventOfType(InteractionQueued.class)
			.matching(e -> e.customer().equals(withInterest))
			.toArriveAndVerify(e -> assertThat(e.queue()).isEqualTo(speakers.key()));
		assertThat(interactions.mine(withInterest)).extracting(s -> s.interaction().queue())
			.containsExactly(speakers.key());
	}

	@Test
	void withNoQueueOpenStartingIsRefusedNamingTheFirstByTheRuleAndStoresNothing() {
		String closed = RoutingFixtures.closedGroup(agents);
		Product phone = OrderFixtures.product(catalog, "Phone", 100);
		Queue phones = queue(closed, Set.of(phone.categoryKey()), false);
		queue(closed, Set.of(), true);
		CustomerId customer = customer(List.of());

		assertThatThrownBy(() -> interactions.start(customer, new NewContact(Medium.CHAT, phone.id(), null, null)))
			.isInstanceOfSatisfying(RefusedException.class, e -> {
				assertThat(e.code()).isEqualTo("queue-closed");
				assertThat(e.getMessage()).contains(phones.name());
			});
		assertThat(interactions.mine(customer)).isEmpty();
	}

	@Test
	void aCustomerWhoLeavesAConnectedChatEndsItForTheAgentToWrapUp(Scenario scenario) {
		String group = RoutingFixtures.openGroup(agents);
		Queue queue = queue(group, Set.of(), false);
		var agent = RoutingFixtures.agent(agents, group);
		CustomerId customer = customer(List.of());
		states.change(agent.id(), "ready", null);
		try {
			var id = interactions.start(customer, new NewContact(Medium.CHAT, null, queue.key(), null)).interaction().id();
			var offer = Eventually.value(() -> desk.offers(agent.id()).stream().findFirst().orElse(null));
			desk.accept(agent.id(), offer.offer().id());

			scenario.stimulate(() -> interactions.leave(customer, id))
				.andWaitForEventOfType(InteractionEnded.class)
				.matching(e -> e.interaction().equals(id))
				.toArriveAndVerify(e -> assertThat(e.byCustomer()).isTrue());
			assertThat(interactions.get(customer, id).interaction().state()).isEqualTo(InteractionState.WRAP_UP);
		}
		finally {
			states.change(agent.id(), "logged-out", null);
		}
	}

	private Queue queue(String group, Set<String> categories, boolean defaultQueue) {
		String key = "q" + UUID.randomUUID().toString().substring(0, 8);
		return queues.create(key, new QueueDefinition("Team " + key, null, group, Set.of(Medium.CHAT), categories,
				List.of(), RoutingStrategy.LONGEST_IDLE, 0, 30, 3, 60, 20, defaultQueue), null);
	}

	private CustomerId customer(List<Interest> interests) {
		String username = AccountFixtures.uniqueName("cust");
		var id = customers.register(new Registration(username, "Customer " + username, username + "@example.com",
				AccountFixtures.PASSWORD, "UTC")).id();
		if (!interests.isEmpty()) {
			var current = customers.profile(id).interests();
			customers.updateInterests(id, new Interests(interests, false, null, current.version()));
		}
		return id;
	}
}

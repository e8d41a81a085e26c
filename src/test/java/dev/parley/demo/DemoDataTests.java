package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.identity.IdentityManagement;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.InteractionState;
import dev.parley.routing.Interactions;
import dev.parley.routing.NewContact;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.testing.Eventually;

/** The demo dataset loads on an empty embedded database, with everything the README promises. */
@SpringBootTest(properties = "parley.demo.enabled=true")
class DemoDataTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	QueueManagement queues;

	@Autowired
	AgentManagement agents;

	@Autowired
	AgentStates states;

	@Autowired
	Interactions interactions;

	@Autowired
	AgentDesk desk;

	@Autowired
	IdentityManagement identity;

	@Autowired
	QueueSeeder queueSeeder;

	@Autowired
	DemoDataLoader loader;

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void seedsStaffAndACatalogOfThirtyProductsInSixCategories() {
		assertThat(count("SELECT COUNT(*) FROM accounts WHERE username IN ('supervisor', 'admin')")).isEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM categories")).isEqualTo(6);
		assertThat(count("SELECT COUNT(*) FROM products")).isEqualTo(30);
		assertThat(count("SELECT COUNT(*) FROM product_specifications")).isGreaterThanOrEqualTo(60);
	}

	@Test
	void seedsTwentyCustomersWithProfilesAndTenAgentsInThreeGroups() {
		assertThat(count("SELECT COUNT(*) FROM accounts WHERE role = 'CUSTOMER'")).isEqualTo(20);
		assertThat(count("SELECT COUNT(*) FROM customers")).isEqualTo(20);
		assertThat(count("SELECT COUNT(*) FROM accounts WHERE username IN ('alice', 'bob')")).isEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM accounts WHERE role = 'AGENT'")).isEqualTo(10);
		assertThat(count("SELECT COUNT(DISTINCT group_key) FROM agents")).isEqualTo(3);
	}

	@Test
	void seedsOrdersInEveryStatusAndAHistoryOverSeveralProductsAgentsAndMedia() {
		assertThat(jdbc.sql("SELECT DISTINCT status FROM orders").query(String.class).list())
			.containsExactlyInAnyOrder("PLACED", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "RETURNED");
		assertThat(count("SELECT COUNT(DISTINCT customer_id) FROM orders")).isEqualTo(20);
		assertThat(count("SELECT COUNT(DISTINCT customer_id) FROM interaction_records")).isEqualTo(20);
		assertThat(count("SELECT COUNT(DISTINCT product_id) FROM interaction_records")).isGreaterThan(5);
		assertThat(count("SELECT COUNT(DISTINCT agent_id) FROM interaction_records")).isGreaterThan(5);
		assertThat(count("SELECT COUNT(DISTINCT medium) FROM interaction_records")).isEqualTo(4);
	}

	@Test
	void seedsAQueuePerGroupTiedToCategoriesWithTheDefaultOpenRoundTheClock() {
		assertThat(queues.queues()).extracting(Queue::key).containsExactlyInAnyOrder("sales", "support", "care");
		assertThat(queues.queues()).filteredOn(Queue::defaultQueue).extracting(Queue::key).containsExactly("care");
		assertThat(queues.queue("sales").categories()).containsExactlyInAnyOrder("phones", "services");
		assertThat(queues.queue("support").categories()).containsExactlyInAnyOrder("computers", "audio", "home", "tv");
		for (Queue q : queues.queues()) {
			assertThat(q.serves(Medium.CHAT)).as(q.key() + " takes chats").isTrue();
			assertThat(agents.group(q.groupKey()).media()).containsAll(q.media());
		}
		Queue care = queues.queue("care");
		Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS);
		for (int hour = 0; hour < 24 * 7; hour += 5) {
			assertThat(queues.isOpen(care, start.plus(hour, ChronoUnit.HOURS))).as("care open %d h from now", hour)
				.isTrue();
		}
		assertThat(queues.isOpen(queues.queue("sales"), Instant.parse("2026-06-07T12:00:00Z")))
			.as("sales is closed on a Sunday").isFalse();
	}

	@Test
	void everyDemoAgentCanTakeChatsOfTheirGroupsQueue() {
		assertThat(agents.agents(null)).hasSize(10).allSatisfy(agent -> {
			Queue theirs = queues.queues().stream().filter(q -> q.groupKey().equals(agent.groupKey())).findFirst()
				.orElseThrow();
			assertThat(agent.capacity(Medium.CHAT)).as(agent.displayName() + " takes chats").isPositive();
			assertThat(theirs.skills()).allSatisfy(required -> assertThat(agent.level(required.key()))
				.as(agent.displayName() + "'s " + required.key()).isGreaterThanOrEqualTo(required.minLevel()));
		});
	}

	@Test
	void aDemoCustomersChatReachesADemoAgentWhoSetsHimselfReady() {
		var alice = new CustomerId(identity.findByUsername("alice").orElseThrow().id().value());
		var careAgent = agents.agents("care").get(0);
		assertThat(interactions.suggest(alice, null, Medium.CHAT)).as("a queue is picked for alice")
			.hasValueSatisfying(q -> assertThat(queues.isOpen(q, Instant.now())).as(q.key() + " open now").isTrue());
		states.change(careAgent.id(), "ready", null);
		try {
			var started = interactions.start(alice, new NewContact(Medium.CHAT, null, "care", "Hello from the demo"));
			var offer = Eventually.value(() -> desk.offers(careAgent.id()).stream()
				.filter(o -> o.interaction().id().equals(started.interaction().id())).findFirst().orElse(null));
			assertThat(desk.accept(careAgent.id(), offer.offer().id()).state()).isEqualTo(InteractionState.CONNECTED);
			interactions.leave(alice, started.interaction().id());
		}
		finally {
			states.change(careAgent.id(), "logged-out", null);
		}
	}

	@Test
	void seedingAgainChangesNothing() {
		long accounts = count("SELECT COUNT(*) FROM accounts");
		long versions = jdbc.sql("SELECT SUM(version) FROM queues").query(Long.class).single();

		assertThat(queueSeeder.seedMissing()).isEmpty();
		loader.loadOnFirstStart();

		assertThat(queues.queues()).hasSize(3);
		assertThat(count("SELECT COUNT(*) FROM accounts")).isEqualTo(accounts);
		assertThat(jdbc.sql("SELECT SUM(version) FROM queues").query(Long.class).single()).isEqualTo(versions);
	}
}

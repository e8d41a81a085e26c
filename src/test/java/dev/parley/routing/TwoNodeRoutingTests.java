package dev.parley.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.ParleyApplication;
import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.common.ConflictException;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.routing.internal.InteractionSteps;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.DatabaseAvailable;
import dev.parley.testing.TestDatabaseConfiguration;
import dev.parley.testing.Eventually;

/**
 * Exactly one agent ever wins an interaction, also across two Parley nodes on one database (H2 in this JVM,
 * and PostgreSQL in the pgtest run): two application contexts race the same accept, an accept against a
 * reject, and two offers of the same contact to different agents, many times over.
 */
@Tag("db")
@ExtendWith(DatabaseAvailable.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeRoutingTests {

	static final int ROUNDS = 25;

	final String h2 = "jdbc:h2:mem:two-nodes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
	final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
	final ExecutorService pool = Executors.newFixedThreadPool(2);
	ConfigurableApplicationContext a;
	ConfigurableApplicationContext b;
	Queue queue;
	Agent first;
	Agent second;

	@BeforeAll
	void startTwoNodes() {
		a = start();
		b = start();
		String group = RoutingFixtures.openGroup(a.getBean(AgentManagement.class));
		queue = RoutingFixtures.queue(a.getBean(QueueManagement.class), group, Set.of(Medium.CHAT),
				RoutingStrategy.LONGEST_IDLE, 300);
		first = RoutingFixtures.agent(a.getBean(AgentManagement.class), group);
		second = RoutingFixtures.agent(a.getBean(AgentManagement.class), group);
	}

	@AfterAll
	void stop() {
		pool.shutdownNow();
		nodes.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void twoNodesAcceptingTheSameOfferAtOnceMakeOneWinner() throws Exception {
		a.getBean(AgentStates.class).change(first.id(), "ready", null);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				var interaction = startChat();
				Offer offer = Eventually.value(() -> pendingOffer(interaction));
				assertThat(offer.agent()).isEqualTo(first.id());

				List<Boolean> won = race(() -> accepted(a, offer), () -> accepted(b, offer));
				assertThat(won).as("round %d", round).containsExactlyInAnyOrder(true, false);
				assertThat(stepCount(interaction, "accepted")).isEqualTo(1);
				assertThat(a.getBean(Interactions.class).find(interaction).orElseThrow().agent()).isEqualTo(first.id());
				a.getBean(AgentDesk.class).wrapUp(first.id(), interaction, dev.parley.common.Outcome.RESOLVED, "race " + round);
			}
		}
		finally {
			a.getBean(AgentStates.class).change(first.id(), "logged-out", null);
		}
	}

	@Test
	void anAcceptRacingARejectOnAnotherNodeEndsInOneOfThemOnly() throws Exception {
		a.getBean(AgentStates.class).change(second.id(), "ready", null);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				var interaction = startChat();
				Offer offer = Eventually.value(() -> pendingOffer(interaction));
				List<Boolean> done = race(() -> accepted(a, offer), () -> rejected(b, offer));
				assertThat(done).as("round %d", round).containsExactlyInAnyOrder(true, false);
				var now = a.getBean(Interactions.class).find(interaction).orElseThrow();
				if (done.get(0)) {
					assertThat(now.state()).isEqualTo(InteractionState.CONNECTED);
					a.getBean(AgentDesk.class).wrapUp(second.id(), interaction, dev.parley.common.Outcome.RESOLVED, "r");
				}
				else {
					assertThat(now.state()).isIn(InteractionState.QUEUED, InteractionState.OFFERED);
					a.getBean(Interactions.class).leave(now.customer(), interaction);
				}
			}
		}
		finally {
			a.getBean(AgentStates.class).change(second.id(), "logged-out", null);
		}
	}

	@Test
	void twoNodesOfferingOneContactToTwoAgentsOfferItOnce() throws Exception {
		// Both agents are ready (an offer to an agent who is not would be withdrawn at once by the router, and
		// the contact could then rightly be offered again), but the queue asks for a skill neither has, so only
		// the two racing offers below ever offer its contacts.
		String group = RoutingFixtures.openGroup(a.getBean(AgentManagement.class));
		Queue skilled = RoutingFixtures.queue(a.getBean(QueueManagement.class), group, Set.of(Medium.CHAT),
				RoutingStrategy.LONGEST_IDLE, 300, new RequiredSkill("nobody-has-it", 1));
		a.getBean(AgentStates.class).change(first.id(), "ready", null);
		a.getBean(AgentStates.class).change(second.id(), "ready", null);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				var interaction = startChat(skilled);
				var row = a.getBean(Interactions.class).find(interaction).orElseThrow();
				List<Boolean> offered = race(() -> a.getBean(InteractionSteps.class).offer(row, first.id(), skilled),
						() -> b.getBean(InteractionSteps.class).offer(row, second.id(), skilled));
				assertThat(offered).as("round %d: %s", round, steps(interaction)).containsExactlyInAnyOrder(true, false);
				assertThat(stepCount(interaction, "offered")).isEqualTo(1);
				assertThat(a.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM offers WHERE interaction_id = ?")
					.param(interaction.value()).query(Integer.class).single()).isEqualTo(1);
				a.getBean(Interactions.class).leave(row.customer(), interaction);
			}
		}
		finally {
			a.getBean(AgentStates.class).change(first.id(), "logged-out", null);
			a.getBean(AgentStates.class).change(second.id(), "logged-out", null);
		}
	}

	/**
	 * Each node's routing board is a cache of the tables: a contact started on one node reaches an agent who
	 * became ready on the other, with no message between the nodes, once a resync brings the boards up to date.
	 */
	@Test
	void twoAdministratorsCreatingOneQueueKeyOnTwoNodesAtOnceGetOneQueueAndOneClearRefusal() throws Exception {
		String group = RoutingFixtures.openGroup(a.getBean(AgentManagement.class));
		for (int round = 0; round < 10; round++) {
			String key = "race-" + UUID.randomUUID().toString().substring(0, 8);
			var definition = new QueueDefinition("Race " + key, null, group, Set.of(Medium.CHAT), Set.of(), List.of(),
					RoutingStrategy.LONGEST_IDLE, 0, 30, 3, 60, 20, false);
			CyclicBarrier together = new CyclicBarrier(2);
			List<Future<String>> both = new ArrayList<>();
			for (var node : List.of(a, b)) {
				both.add(pool.submit(() -> {
					together.await(5, TimeUnit.SECONDS);
					try {
						node.getBean(QueueManagement.class).create(key, definition, null);
						return "created";
					}
					catch (dev.parley.common.InvalidInputException e) {
						return e.violations().get(0).field() + ":" + e.violations().get(0).code();
					}
				}));
			}
			List<String> outcomes = new ArrayList<>();
			for (var f : both) {
				outcomes.add(f.get(10, TimeUnit.SECONDS));
			}
			assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder("created", "key:duplicate");
			assertThat(a.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM queues WHERE queue_key = ?").param(key)
				.query(Integer.class).single()).isEqualTo(1);
		}
	}

	@Test
	void aContactStartedOnOneNodeReachesAnAgentReadyOnTheOther() {
		String group = RoutingFixtures.openGroup(a.getBean(AgentManagement.class));
		Queue elsewhere = RoutingFixtures.queue(a.getBean(QueueManagement.class), group, Set.of(Medium.CHAT),
				RoutingStrategy.LONGEST_IDLE, 300);
		Agent third = RoutingFixtures.agent(a.getBean(AgentManagement.class), group);
		a.getBean(AgentStates.class).change(third.id(), "ready", null);
		try {
			var customer = AccountFixtures.account(b.getBean(IdentityManagement.class), Role.CUSTOMER);
			var interaction = b.getBean(Interactions.class)
				.start(new CustomerId(customer.id().value()), new NewContact(Medium.CHAT, null, elsewhere.key(), "across"))
				.interaction().id();
			Offer offer = Eventually.value(() -> pendingOffer(interaction));
			assertThat(offer.agent()).isEqualTo(third.id());
			b.getBean(Interactions.class).leave(new CustomerId(customer.id().value()), interaction);
		}
		finally {
			a.getBean(AgentStates.class).change(third.id(), "logged-out", null);
		}
	}

	private InteractionId startChat() {
		return startChat(queue);
	}

	private InteractionId startChat(Queue in) {
		var customer = AccountFixtures.account(a.getBean(IdentityManagement.class), Role.CUSTOMER);
		return a.getBean(Interactions.class)
			.start(new CustomerId(customer.id().value()), new NewContact(Medium.CHAT, null, in.key(), "race"))
			.interaction().id();
	}

	private Offer pendingOffer(InteractionId interaction) {
		var row = a.getBean(Interactions.class).find(interaction).orElseThrow();
		if (row.state() != InteractionState.OFFERED) {
			return null;
		}
		return new Offer(row.offer(), interaction, row.offeredTo(), Offer.State.PENDING, null, row.offerExpiresAt(), null);
	}

	private static boolean accepted(ConfigurableApplicationContext node, Offer offer) {
		try {
			node.getBean(AgentDesk.class).accept(offer.agent(), offer.id());
			return true;
		}
		catch (ConflictException e) {
			return false;
		}
	}

	private static boolean rejected(ConfigurableApplicationContext node, Offer offer) {
		try {
			node.getBean(AgentDesk.class).reject(offer.agent(), offer.id());
			return true;
		}
		catch (ConflictException e) {
			return false;
		}
	}

	private List<String> steps(InteractionId interaction) {
		return a.getBean(JdbcClient.class)
			.sql("SELECT step || ' ' || COALESCE(CAST(agent_id AS VARCHAR(40)), '-') || ' ' || COALESCE(note, '') FROM interaction_steps WHERE interaction_id = ? ORDER BY position")
			.param(interaction.value()).query(String.class).list();
	}

	private int stepCount(InteractionId interaction, String step) {
		return a.getBean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM interaction_steps WHERE interaction_id = ? AND step = ?")
			.params(interaction.value(), step).query(Integer.class).single();
	}

	private List<Boolean> race(Callable<Boolean> one, Callable<Boolean> two) throws Exception {
		var barrier = new CyclicBarrier(2);
		Future<Boolean> f1 = pool.submit(() -> {
			barrier.await(5, TimeUnit.SECONDS);
			return one.call();
		});
		Future<Boolean> f2 = pool.submit(() -> {
			barrier.await(5, TimeUnit.SECONDS);
			return two.call();
		});
		return List.of(f1.get(20, TimeUnit.SECONDS), f2.get(20, TimeUnit.SECONDS));
	}

	private ConfigurableApplicationContext start() {
		var args = new ArrayList<>(List.of("--server.port=0", "--parley.routing.tick=200ms", "--parley.routing.resync=1s"));
		boolean postgres = System.getProperty("spring.profiles.active", "").contains("pgtest");
		if (!postgres) {
			args.add("--spring.datasource.url=" + h2);
		}
		var context = new SpringApplicationBuilder(ParleyApplication.class, TestDatabaseConfiguration.class)
			.profiles(postgres ? new String[] { "test", "pgtest" } : new String[] { "test" })
			.run(args.toArray(String[]::new));
		nodes.add(context);
		return context;
	}
}

package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.chat.Chat;
import dev.parley.chat.Participant;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.identity.Account;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.InteractionId;
import dev.parley.routing.Interactions;
import dev.parley.routing.NewContact;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Eventually;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * Chat messages pushed to the live channel do not hold a second database connection while the first is still held:
 * many messages at once, with fewer connections than senders,, are all answered at once and all reach the agent's
 * page. (The push used to be a transactional event listener, which Spring Modulith's publication registry marked in
 * a new transaction from inside the commit: three senders at once held all connections of this pool and each waited
 * for a third until the pool's timeout failed them.)
 */
@ParleyIntegrationTest
@TestPropertySource(properties = { "spring.datasource.hikari.maximum-pool-size=3",
		"spring.datasource.hikari.connection-timeout=5000" })
class BrokerPushPoolTests {

	/** A page that records the chat messages written to it. */
	static final class Page implements Channel {
		final List<String> messages = new ArrayList<>();

		@Override
		public synchronized void send(Frame frame) throws IOException {
			if ("message".equals(frame.event())) {
				messages.add(frame.data());
			}
		}

		@Override
		public void close() {
		}

		synchronized long count(String text) {
			return messages.stream().filter(m -> m.contains(text)).count();
		}
	}

	@Autowired
	IdentityManagement identity;

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
	LiveHub hub;

	Agent agent;

	@AfterEach
	void logOut() {
		if (agent != null) {
			states.change(agent.id(), "logged-out", null);
		}
	}

	@Test
	void twelveMessagesAtOnceOnThreeConnectionsAreAllAnsweredAndPushed() throws Exception {
		String group = RoutingFixtures.openGroup(agents);
		var queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		agent = RoutingFixtures.agent(agents, group);
		Account customer = AccountFixtures.account(identity, Role.CUSTOMER);
		states.change(agent.id(), "ready", null);
		InteractionId id = interactions.start(new CustomerId(customer.id().value()),
				new NewContact(Medium.CHAT, null, queue.key(), "pool")).interaction().id();
		var offer = Eventually.value(() -> desk.offers(agent.id()).stream().findFirst().orElse(null));
		desk.accept(agent.id(), offer.offer().id());
		var page = new Page();
		hub.open(new LiveConnection.Viewer(agent.id().value(), Role.AGENT, "Agent", Locale.ENGLISH, ZoneOffset.UTC,
				"_csrf", "", ""), Set.of(), page);

		var fromAgent = Participant.agent(agent.id().value(), "Agent");
		var fromCustomer = Participant.customer(customer.id().value(), customer.displayName());
		ExecutorService senders = Executors.newFixedThreadPool(12);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<?>> sent = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			var who = i % 2 == 0 ? fromAgent : fromCustomer;
			String text = "pool message " + i + ".";
			sent.add(senders.submit(() -> {
				go.await();
				return chat.post(who, id, text, null);
			}));
		}
		long started = System.nanoTime();
		go.countDown();
		for (var f : sent) {
			f.get(30, TimeUnit.SECONDS); // an error here: a sender was refused a connection
		}
		senders.shutdown();
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
			.as("no sender waited for the pool's timeout").isLessThan(5_000);
		Eventually.value(() -> page.count("pool message ") == 12 ? true : null);
		for (int i = 0; i < 12; i++) {
			assertThat(page.count("pool message " + i + ".")).as("message " + i + " pushed once").isEqualTo(1);
		}
	}
}

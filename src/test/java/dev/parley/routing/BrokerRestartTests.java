package dev.parley.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parley.ParleyApplication;
import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentState;
import dev.parley.agent.AgentStates;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.Participant;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.DatabaseAvailable;
import dev.parley.testing.TestDatabaseConfiguration;
import dev.parley.testing.Eventually;

/**
 * A restart loses nothing of the broker: queued contacts keep their places, a connected chat goes on with its
 * messages and sequence numbers, and agents keep their states (H2, and PostgreSQL in the pgtest run).
 */
@Tag("db")
@ExtendWith(DatabaseAvailable.class)
class BrokerRestartTests {

	@TempDir
	Path dir;
	final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	@AfterEach
	void stop() {
		nodes.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void queuedContactsKeepTheirPlacesAndOpenChatsGoOn() {
		var before = start();
		String group = RoutingFixtures.openGroup(before.getBean(AgentManagement.class));
		Queue queue = RoutingFixtures.queue(before.getBean(QueueManagement.class), group, Set.of(Medium.CHAT),
				RoutingStrategy.LONGEST_IDLE, 300);
		Agent agent = RoutingFixtures.agent(before.getBean(AgentManagement.class), group);
		var interactions = before.getBean(Interactions.class);

		CustomerId talking = customer(before);
		var chat = interactions.start(talking, new NewContact(Medium.CHAT, null, queue.key(), null)).interaction();
		before.getBean(AgentStates.class).change(agent.id(), "ready", null);
		var offer = Eventually.value(() -> before.getBean(AgentDesk.class).offers(agent.id()).stream()
			.findFirst().orElse(null));
		before.getBean(AgentDesk.class).accept(agent.id(), offer.offer().id());
		before.getBean(AgentStates.class).change(agent.id(), "not-ready", "break"); // the others stay queued
		var customerSide = Participant.customer(talking.value(), "Cora");
		var agentSide = Participant.agent(agent.id().value(), agent.displayName());
		before.getBean(Chat.class).post(customerSide, chat.id(), "Is anyone there?", null);
		before.getBean(Chat.class).post(agentSide, chat.id(), "Yes, I am here.", null);

		List<InteractionId> waiting = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			waiting.add(interactions.start(customer(before), new NewContact(Medium.CHAT, null, queue.key(), null))
				.interaction().id());
		}
		List<Integer> places = waiting.stream().map(id -> before.getBean(Interactions.class).find(id)
			.map(row -> interactions.get(row.customer(), id).position()).orElseThrow()).toList();
		assertThat(places).containsExactly(1, 2, 3);
		before.close();

		var after = start();
		var again = after.getBean(Interactions.class);
		assertThat(waiting.stream().map(id -> again.find(id).map(row -> again.get(row.customer(), id).position())
			.orElseThrow()).toList()).as("the same places after the restart").containsExactly(1, 2, 3);
		assertThat(after.getBean(AgentStates.class).status(agent.id()).state()).isEqualTo(AgentState.NOT_READY);
		assertThat(again.find(chat.id()).orElseThrow().state()).isEqualTo(InteractionState.CONNECTED);

		ChatMessage next = after.getBean(Chat.class).post(customerSide, chat.id(), "Great, my router blinks.", null);
		assertThat(next.seq()).isEqualTo(3);
		assertThat(after.getBean(Chat.class).messages(agentSide, chat.id(), 0)).extracting(ChatMessage::body)
			.containsExactly("Is anyone there?", "Yes, I am here.", "Great, my router blinks.");
	}

	private CustomerId customer(ConfigurableApplicationContext node) {
		return new CustomerId(AccountFixtures.account(node.getBean(IdentityManagement.class), Role.CUSTOMER).id().value());
	}

	private ConfigurableApplicationContext start() {
		var args = new ArrayList<>(List.of("--server.port=0"));
		boolean postgres = System.getProperty("spring.profiles.active", "").contains("pgtest");
		if (!postgres) {
			args.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("parley").toAbsolutePath()
					+ ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
		}
		var context = new SpringApplicationBuilder(ParleyApplication.class, TestDatabaseConfiguration.class)
			.profiles(postgres ? new String[] { "test", "pgtest" } : new String[] { "test" })
			.run(args.toArray(String[]::new));
		nodes.add(context);
		return context;
	}
}

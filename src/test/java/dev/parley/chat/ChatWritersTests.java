package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.common.Medium;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.AccountFixtures.SignedIn;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * Who may write in a chat follows its interaction's steps, kept by the chat's thread in each step's transaction (the
 * message's statement checks it, without reading the interaction): the customer while queued and connected, the agent
 * who has it while connected; a transfer takes the writing from the agent who passed it on, wrap-up from both. A
 * thread made before it knew its writers (or missing) learns them from the interaction at the next message.
 */
@ParleyIntegrationTest
class ChatWritersTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	@Autowired
	AgentManagement agents;

	@Autowired
	QueueManagement queues;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;
	SignedIn customer;
	String group;
	Queue queue;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		customer = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		group = RoutingFixtures.openGroup(agents);
		queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 20);
	}

	@Test
	void writersFollowTheSteps() {
		String id = start();
		assertThat(writers(id)).as("queued: the customer writes").isEqualTo(Map.of("customer", true, "agent", false));
		assertThat(say(customer.token(), "me", id, "anyone there?").status()).isEqualTo(201);

		Agent first = RoutingFixtures.agent(agents, group);
		String firstToken = ready(first);
		accept(firstToken, id);
		assertThat(writers(id)).isEqualTo(Map.of("customer", true, "agent", true));
		assertThat(say(firstToken, "agent", id, "Hello, how can I help?").status()).isEqualTo(201);

		Agent second = RoutingFixtures.agent(agents, group);
		String secondToken = ready(second);
		assertThat(api.post("/api/v1/agent/interactions/" + id + "/transfer", firstToken,
				ApiClient.json(Map.of("agent", second.id().value().toString(), "note", "billing"))).status())
			.isEqualTo(200);
		assertThat(writers(id)).as("transferred: the agent who passed it on no longer writes")
			.isEqualTo(Map.of("customer", true, "agent", false));
		var passedOn = say(firstToken, "agent", id, "one more thing");
		assertThat(passedOn.status()).isEqualTo(403);
		assertThat(passedOn.json().get("code").asString()).isEqualTo("not-yours");
		accept(secondToken, id);
		assertThat(say(secondToken, "agent", id, "I have it now").status()).isEqualTo(201);
		assertThat(say(firstToken, "agent", id, "still me").status()).isEqualTo(403);

		assertThat(api.post("/api/v1/agent/interactions/" + id + "/end", secondToken, "").status()).isEqualTo(200);
		assertThat(writers(id)).as("wrap-up: nobody writes").isEqualTo(Map.of("customer", false, "agent", false));
		assertThat(say(secondToken, "agent", id, "bye").status()).isEqualTo(409);
		var late = say(customer.token(), "me", id, "wait");
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().get("code").asString()).isEqualTo("closed");
		assertThat(bodies(id)).containsExactly("anyone there?", "Hello, how can I help?", "I have it now");
	}

	@Test
	void aThreadThatDoesNotKnowItsWritersLearnsThem() {
		String id = start();
		Agent agent = RoutingFixtures.agent(agents, group);
		String token = ready(agent);
		accept(token, id);
		assertThat(say(customer.token(), "me", id, "first").status()).isEqualTo(201);
		// as a thread made before the chat kept its writers
		jdbc.sql("UPDATE chat_threads SET customer_id = NULL, agent_id = NULL, customer_writes = FALSE, "
				+ "agent_writes = FALSE WHERE interaction_id = ?").param(UUID.fromString(id)).update();
		assertThat(say(token, "agent", id, "second").status()).isEqualTo(201);
		assertThat(writers(id)).isEqualTo(Map.of("customer", true, "agent", true));
		assertThat(say(customer.token(), "me", id, "third").status()).isEqualTo(201);
		assertThat(bodies(id)).containsExactly("first", "second", "third");

		String other = start(); // the same agent takes it (three chats at once)
		accept(token, other);
		jdbc.sql("DELETE FROM chat_threads WHERE interaction_id = ?").param(UUID.fromString(other)).update();
		assertThat(say(token, "agent", other, "no thread yet").status()).isEqualTo(201);
		assertThat(bodies(other)).containsExactly("no thread yet");
	}

	private String start() {
		var started = api.post("/api/v1/me/interactions", customer.token(),
				ApiClient.json(Map.of("medium", "chat", "queue", queue.key())));
		assertThat(started.status()).isEqualTo(201);
		return started.json().get("id").asString();
	}

	private String ready(Agent agent) {
		return RoutingFixtures.readyToken(api, tokens, agent);
	}

	private void accept(String token, String interaction) {
		RoutingFixtures.accept(api, token, interaction);
	}

	private ApiClient.Response say(String token, String side, String interaction, String body) {
		return api.post("/api/v1/" + side + "/interactions/" + interaction + "/messages", token,
				ApiClient.json(Map.of("body", body)));
	}

	private Map<String, Boolean> writers(String interaction) {
		return jdbc.sql("SELECT customer_writes, agent_writes FROM chat_threads WHERE interaction_id = ?")
			.param(UUID.fromString(interaction))
			.query((rs, n) -> Map.of("customer", rs.getBoolean(1), "agent", rs.getBoolean(2))).single();
	}

	private java.util.List<String> bodies(String interaction) {
		return jdbc.sql("SELECT body FROM chat_messages WHERE interaction_id = ? ORDER BY seq")
			.param(UUID.fromString(interaction)).query(String.class).list();
	}
}

package dev.parley.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.common.Medium;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;

/** The live figures move with the broker: agents by state, contacts waiting, estimates, answered and abandoned. */
@ParleyIntegrationTest
class StatusApiTests {

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
	AgentStates states;

	@Autowired
	AgentDesk desk;

	@Test
	void aQueuesFiguresFollowAgentsAndContacts() {
		var api = new ApiClient(port);
		String group = RoutingFixtures.openGroup(agents);
		Queue queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		var agent = RoutingFixtures.agent(agents, group);
		String reader = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER).token();
		String path = "/api/v1/status/queues/" + queue.key();

		var empty = api.get(path, reader).json();
		assertThat(empty.get("agentsLoggedIn").asInt()).isZero();
		assertThat(empty.get("mediaOpen")).isEmpty();
		assertThat(empty.has("estimatedWaitSeconds")).as("nobody serves it: no estimate").isFalse();

		states.change(agent.id(), "ready", null);
		var ready = api.get(path, reader).json();
		assertThat(ready.get("agentsLoggedIn").asInt()).isEqualTo(1);
		assertThat(ready.get("agentsAvailable").asInt()).isEqualTo(1);
		assertThat(ready.get("mediaOpen").get(0).asString()).isEqualTo("chat");
		assertThat(ready.get("estimatedWaitSeconds").asLong()).as("an agent is free").isZero();

		// three chats: the agent takes them all (chat capacity 3), the fourth waits
		String[] ids = new String[4];
		for (int i = 0; i < 4; i++) {
			String token = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER).token();
			ids[i] = api.post("/api/v1/me/interactions", token, ApiClient.json(Map.of("medium", "chat", "queue",
					queue.key()))).json().get("id").asString();
			if (i < 3) {
				var offer = dev.parley.testing.Eventually.value(() -> desk.offers(agent.id()).stream().findFirst()
					.orElse(null));
				desk.accept(agent.id(), offer.offer().id());
			}
		}
		var busy = dev.parley.testing.Eventually.value(() -> {
			var s = api.get(path, reader).json();
			return s.get("contactsWaiting").asInt() == 1 ? s : null;
		});
		assertThat(busy.get("agentsAvailable").asInt()).isZero();
		assertThat(busy.get("agentsBusy").asInt()).isEqualTo(1);
		assertThat(busy.get("estimatedWaitSeconds").asLong()).as("all busy: somebody waits").isPositive();
		assertThat(busy.get("estimatedWaitRange").get("high").asLong())
			.isGreaterThanOrEqualTo(busy.get("estimatedWaitRange").get("low").asLong());
		assertThat(busy.get("serviceLevel").asDouble()).isEqualTo(1.0);
		assertThat(busy.get("media").get(0).get("accuracy")).isNotEmpty();

		var center = api.get("/api/v1/status", reader).json();
		assertThat(center.get("contactsWaiting").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(api.get("/api/v1/status/queues/nope", reader).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/status", null).status()).isEqualTo(401);
	}
}
